// The server's table of error codes: every code it can answer needs a sentence here.
import { ERROR_CODES } from '@loyalbase/core'
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { ApiError, type Problem } from '../api/client'
import {
  describeFieldPath,
  localiseError,
  rawProblemText,
  type Translate,
  translateFieldMessage,
} from './api-errors'
import { en } from './en'
import { zhCN } from './zh-CN'

const i18n = i18next.createInstance()
await i18n.init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
})
const zh = i18n.getFixedT('zh-CN') as unknown as Translate
const enT = i18n.getFixedT('en') as unknown as Translate

const CODES = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'member_exists',
  'idempotency_conflict',
  'insufficient_points',
  'quota_exhausted',
  'limit_reached',
  'coupon_invalid',
  'refund_exceeds_order',
  'out_of_stock',
  'slot_full',
  'already_booked',
  'slot_closed',
  'tier_required',
  'early_access_only',
  'release_exists',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'internal_error',
  'unavailable',
] as const

function problem(code: string, detail: string, extra: Partial<Problem> = {}): ApiError {
  const status = (ERROR_CODES as Record<string, { status: number }>)[code]?.status ?? 400
  return new ApiError(status, { code, detail, title: code, status, ...extra })
}

function fail(): never {
  throw new Error('expected a raw problem')
}

const invalid = (errors: { path: string; message: string }[]) =>
  new ApiError(
    400,
    { code: 'invalid_request', title: 'Invalid request', detail: 'x', errors },
    { requestId: 'req-42' },
  )

describe('error codes', () => {
  it('has a sentence in each language for every code the server answers', () => {
    expect(Object.keys(ERROR_CODES).sort()).toEqual(
      expect.arrayContaining([...CODES].sort() as string[]),
    )
    for (const code of Object.keys(ERROR_CODES)) {
      const chinese = localiseError(problem(code, 'An English detail.'), zh).message
      const english = localiseError(problem(code, 'An English detail.'), enT).message
      expect(chinese, code).not.toMatch(/^errors\./)
      expect(english, code).not.toMatch(/^errors\./)
      expect(chinese, code).not.toBe(english)
      expect(chinese, code).toMatch(/[\u4e00-\u9fff]/)
      expect(chinese, code).not.toContain('An English detail')
    }
  })

  it('says what the code means, and keeps the server’s words for operators', () => {
    const error = problem('member_exists', 'A member with external_id "u-1" already exists.')
    const zhError = localiseError(error, zh)
    expect(zhError.summary).toBe('已存在相同外部 ID 的会员。')
    expect(localiseError(error, enT).summary).toBe('A member with this external ID already exists.')
    expect(zhError.raw).toMatchObject({
      status: 409,
      code: 'member_exists',
      detail: 'A member with external_id "u-1" already exists.',
    })
    expect(rawProblemText(zhError.raw ?? fail(), zh)).toBe(
      'HTTP 409 member_exists\nA member with external_id "u-1" already exists.',
    )
  })

  it('names what was not found', () => {
    expect(localiseError(problem('not_found', 'Member not found'), zh).message).toBe(
      '找不到该会员，它可能已被删除或不属于当前项目。',
    )
    expect(localiseError(problem('not_found', 'Earning rule not found'), enT).message).toBe(
      'No such earning rule in this program. It may have been deleted.',
    )
    expect(localiseError(problem('not_found', 'No route GET /v1/nothing.'), zh).message).toBe(
      '找不到请求的内容，它可能已被删除。',
    )
  })

  it('tells a read-only key apart, and says when to retry', () => {
    expect(localiseError(problem('forbidden', 'A readonly key may only read.'), zh).message).toBe(
      '只读密钥不能修改数据。',
    )
    const limited = new ApiError(
      429,
      { code: 'rate_limited', detail: 'Rate limit of 100 requests per second exceeded' },
      { retryAfter: 3 },
    )
    expect(localiseError(limited, zh).message).toBe('请求过于频繁，请在 3 秒后重试。')
    expect(localiseError(limited, enT).message).toBe('Too many requests. Please try again in 3 s.')
  })

  it('falls back on the status for a code it does not know, and on a generic sentence', () => {
    const teapot = new ApiError(409, { code: 'brand_new_conflict', detail: 'New.' })
    expect(localiseError(teapot, zh).message).toBe('操作与当前数据冲突，请刷新后重试。')
    const gateway = new ApiError(502, { title: 'Bad Gateway' })
    expect(localiseError(gateway, enT).message).toBe(
      'The service is unavailable. Please try again later.',
    )
    expect(localiseError(new Error('boom'), zh)).toMatchObject({
      message: '出错了，请稍后重试。',
      raw: null,
    })
    const offline = new ApiError(0, { code: 'network_error', detail: 'TypeError: fetch failed' })
    expect(localiseError(offline, zh).summary).toBe('无法连接服务器，请检查网络后重试。')
    expect(localiseError(offline, enT).raw?.detail).toBe('TypeError: fetch failed')
  })
})

describe('field problems of a 400', () => {
  it('puts the field and its problem in the reader’s language', () => {
    const error = invalid([
      { path: 'birthday', message: 'must not lie in the future' },
      { path: 'name', message: 'must be string' },
      { path: 'external_id', message: 'is required' },
    ])
    const zhError = localiseError(error, zh)
    expect(zhError.fields.map((f) => [f.path, f.field, f.message])).toEqual([
      ['birthday', '生日', '不能晚于当前时间'],
      ['name', '名称', '必须是文本'],
      ['external_id', '外部 ID', '必填'],
    ])
    expect(zhError.summary).toBe('生日：不能晚于当前时间（另有 2 处问题）')
    const enError = localiseError(error, enT)
    expect(enError.summary).toBe('Birthday: must not lie in the future (and 2 more)')
    expect(enError.fields[2]?.message).toBe('is required')
    expect(zhError.raw?.requestId).toBe('req-42')
    expect(zhError.raw?.errors).toHaveLength(3)
    expect(rawProblemText(zhError.raw ?? fail(), zh)).toBe(
      [
        'HTTP 400 invalid_request',
        'x',
        'birthday: must not lie in the future',
        'name: must be string',
        'external_id: is required',
        '请求 ID: req-42',
      ].join('\n'),
    )
  })

  it('does not repeat a detail that only restates the field problems', () => {
    const errors = [{ path: 'ends_at', message: 'must be after starts_at' }]
    const error = new ApiError(400, {
      code: 'invalid_request',
      detail: 'ends_at: must be after starts_at',
      errors,
    })
    expect(rawProblemText(localiseError(error, enT).raw ?? fail(), enT)).toBe(
      'HTTP 400 invalid_request\nends_at: must be after starts_at',
    )
  })

  it('names array entries and nested fields', () => {
    expect(describeFieldPath('items[0].sku', zh)).toBe('商品 #1 › SKU')
    expect(describeFieldPath('tiers[1].threshold', enT)).toBe('Tier #2 › Threshold')
    expect(describeFieldPath('limits.per_member_per_day', zh)).toBe('限额 › 每人每日上限')
    // Parts that are data, not field names, stay as they are.
    expect(describeFieldPath('tier_multipliers.gold', zh)).toBe('等级倍数 › gold')
    expect(describeFieldPath('condition.and[0].bogus', enT)).toBe('Condition › and #1 › bogus')
    expect(describeFieldPath('body', zh)).toBe('请求内容')
    expect(describeFieldPath('', zh)).toBe('')
  })

  it.each([
    ['is required', '必填', 'is required'],
    ['is not a known field', '不是可识别的字段', 'is not a known field'],
    ['must be integer', '必须是整数', 'must be a whole number'],
    ['must be string,null', '必须是文本或空值（null）', 'must be text or empty (null)'],
    ['must be >= 1', '不能小于 1', 'must be at least 1'],
    ['must be <= 100', '不能大于 100', 'must be at most 100'],
    [
      'must NOT have more than 64 characters',
      '不能超过 64 个字符',
      'must be at most 64 characters',
    ],
    ['must NOT have fewer than 1 characters', '不能为空', 'must not be empty'],
    ['must NOT have more than 20 items', '最多 20 项', 'must have at most 20 entries'],
    [
      'must match format "date-time"',
      '格式不正确，应为带时区的日期时间（如 2025-01-31T09:30:00+08:00）',
      'must be a date and time with its offset (e.g. 2025-01-31T09:30:00+08:00)',
    ],
    [
      'must match pattern "^[a-z][a-z0-9_-]{0,31}$"',
      '格式不正确（应符合 ^[a-z][a-z0-9_-]{0,31}$）',
      'must match ^[a-z][a-z0-9_-]{0,31}$',
    ],
    [
      'must be one of: none, rolling, annual',
      '必须是以下之一：none, rolling, annual',
      'must be one of: none, rolling, annual',
    ],
    ['must not lie in the future', '不能晚于当前时间', 'must not lie in the future'],
    ['must lie in the future', '必须晚于当前时间', 'must lie in the future'],
    [
      'must be a real date as YYYY-MM-DD or --MM-DD',
      '必须是真实存在的日期，格式为 YYYY-MM-DD 或 --MM-DD',
      'must be a real date as YYYY-MM-DD or --MM-DD',
    ],
    ['must be greater than 1000', '必须大于 1000', 'must be greater than 1000'],
    ['"gold" appears twice', '「gold」重复出现', '"gold" appears twice'],
    [
      '"Mars/Base" is not an IANA time zone',
      '「Mars/Base」不是有效的 IANA 时区',
      '"Mars/Base" is not an IANA time zone',
    ],
    ['unknown operator "bogus"', '未知的运算符「bogus」', 'unknown operator "bogus"'],
    [
      'must be an integer from 1 to 1000000000000 (minor units)',
      '必须是 1 到 1000000000000 之间的整数',
      'must be a whole number from 1 to 1000000000000',
    ],
    [
      'is not a valid cursor',
      '分页位置无效，请从第一页重新开始',
      'is no longer valid; start again from the first page',
    ],
    [
      'the order has 1 of "sku-1" left to refund',
      '商品「sku-1」只剩 1 件可退',
      'only 1 of "sku-1" are left to refund',
    ],
  ])('%s', (message, chinese, english) => {
    expect(translateFieldMessage(message, zh)).toBe(chinese)
    expect(translateFieldMessage(message, enT)).toBe(english)
  })

  it('shows a message it does not know as the server wrote it', () => {
    const error = invalid([{ path: 'tiers[1].key', message: 'is reserved' }])
    const [field] = localiseError(error, zh).fields
    expect(field).toEqual({
      path: 'tiers[1].key',
      field: '等级 #2 › 标识',
      message: 'is reserved',
      translated: false,
      raw: 'is reserved',
    })
  })
})

describe('the message files', () => {
  /** Every `{{placeholder}}` of every message, by key. */
  function placeholders(messages: unknown, prefix = ''): Map<string, string[]> {
    const found = new Map<string, string[]>()
    for (const [key, value] of Object.entries(messages as Record<string, unknown>)) {
      const path = prefix ? `${prefix}.${key}` : key
      if (typeof value === 'string') {
        found.set(path, [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort())
      } else {
        for (const [inner, names] of placeholders(value, path)) found.set(inner, names)
      }
    }
    return found
  }

  it('use the same placeholders in both languages', () => {
    expect(placeholders(en.errors)).toEqual(placeholders(zhCN.errors))
  })
})

describe('campaign and segment problems', () => {
  it('reads the campaign builder’s and the segment editor’s problems in both languages', () => {
    const error = invalid([
      { path: 'reward.template', message: 'is not a coupon template of this program' },
      { path: 'trigger.segment', message: 'is not a segment of this program' },
      {
        path: 'budget.max_cost',
        message:
          'the reward’s coupon has no bounded value (free shipping or a percentage without max_amount): limit it with max_rewards',
      },
      { path: 'budget.max_rewards', message: 'must not be below the 12 rewards already given' },
      {
        path: 'condition.and[0].==[0].var',
        message: 'unknown field "favourite"; segments read tier, status',
      },
      { path: 'condition.>[1]', message: 'points is a number: compare it with a number' },
      { path: 'name', message: 'must not be blank' },
    ])
    const chinese = localiseError(error, zh).fields.map((field) => field.message)
    expect(chinese).toEqual([
      '不是本项目的券模板',
      '不是本项目的人群',
      '此券没有固定面值（免运费，或折扣券未设最多减），请改用最多发放份数限制预算',
      '不能少于已发放的 12 份',
      '「favourite」不是人群可用的字段',
      'points 是数字，须与数字比较',
      '不能为空',
    ])
    const english = localiseError(error, enT).fields
    expect(english.every((field) => field.translated)).toBe(true)
    expect(english[3]?.message).toBe('must not be below the 12 rewards already given')
    expect(describeFieldPath('budget.max_cost', zh)).toBe('预算 › 最高成本')
    expect(describeFieldPath('holdout_percent', enT)).toBe('Holdout share')
  })

  it('names a campaign that is not there', () => {
    const missing = problem('not_found', 'Campaign not found')
    expect(localiseError(missing, zh).message).toBe(
      '找不到该营销活动，它可能已被删除或不属于当前项目。',
    )
  })
})
