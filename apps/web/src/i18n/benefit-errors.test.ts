import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import { describeFieldPath, localiseError, type Translate } from './api-errors'
import { en } from './en'
import { zhCN } from './zh-CN'

/* The benefits API's errors in the reader's language (the codes, the fields, the messages). */

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

const problem = (
  status: number,
  code: string,
  detail: string,
  errors?: { path: string; message: string }[],
) => new ApiError(status, { code, detail, title: code, status, ...(errors ? { errors } : {}) })

describe('benefit errors', () => {
  it('says what a taken key, a missing tier and a used-up quota mean', () => {
    const taken = problem(409, 'benefit_exists', 'A benefit with the key "x" exists.', [
      { path: 'key', message: 'is taken' },
    ])
    expect(localiseError(taken, zh).message).toBe('已存在相同标识的权益。')
    expect(localiseError(taken, enT).message).toBe('A benefit with this key already exists.')
    expect(localiseError(taken, zh).summary).toBe('标识：已被占用')
    const tier = problem(403, 'tier_required', 'The benefit "x" is not among …')
    expect(localiseError(tier, zh).message).toBe('会员等级不满足要求。')
    const quota = problem(422, 'quota_exhausted', 'The benefit "x" has no use left this month')
    expect(localiseError(quota, zh).message).toBe('本周期的权益次数已用完。')
    expect(localiseError(quota, enT).message).toBe(
      'The benefit’s quota for this period is used up.',
    )
    expect(localiseError(problem(404, 'not_found', 'Benefit not found'), zh).message).toBe(
      '找不到该权益，它可能已被删除或不属于当前项目。',
    )
  })

  it('reads the benefit form’s problems in both languages', () => {
    const error = problem(400, 'invalid_request', 'x', [
      { path: 'config.percent_off', message: 'a discount needs percent_off, above 0, ≤ 100' },
      { path: 'config.multiplier', message: 'a points multiplier needs multiplier, > 1, ≤ 10' },
      { path: 'config.max_amount', message: 'must be a positive integer (minor units)' },
      { path: 'tiers[0]', message: '"platinum" is not a tier of the program\'s ladder' },
      { path: 'tiers', message: 'names a tier twice' },
      {
        path: 'key',
        message:
          'must be 1–64 lower-case letters, digits, "_", "-" or ".", starting with a letter or digit',
      },
    ])
    const chinese = localiseError(error, zh).fields
    expect(chinese.map((field) => field.message)).toEqual([
      '等级折扣须填写折扣比例，大于 0 且不超过 100',
      '积分加倍须填写倍数，大于 1 且不超过 10',
      '必须是正整数（最小货币单位）',
      '「platinum」不是等级阶梯中的等级',
      '同一等级出现了两次',
      '须为 1–64 位小写字母、数字、_、- 或 .，以字母或数字开头',
    ])
    expect(chinese.map((field) => field.field)).toEqual([
      '权益内容 › 折扣比例',
      '权益内容 › 积分倍数',
      '权益内容 › 最多减',
      '等级 #1',
      '等级',
      '标识',
    ])
    expect(localiseError(error, enT).fields.every((field) => field.translated)).toBe(true)
    expect(describeFieldPath('quota.count', enT)).toBe('Quota › Count')
  })
})
