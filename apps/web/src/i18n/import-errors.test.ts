import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import { localiseError, type Translate } from './api-errors'
import { en } from './en'
import { localiseImportFailure, localiseRejectReason } from './import-errors'
import { zhCN } from './zh-CN'

/*
 * Imports in the reader's language: why a record was rejected (as import-rows.ts words it), why
 * an import stopped, and what the upload's answers mean (413, 403, 404, 400).
 */

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

const problem = (status: number, code: string, detail: string) =>
  new ApiError(status, { code, detail, title: code, status })

describe('rejected records', () => {
  it('say what is wrong with a cell, the column in words', () => {
    const phone = localiseRejectReason('phone: "bad" is not a mainland mobile number or E.164', zh)
    expect(phone).toEqual({
      text: '手机号：“bad”不是中国大陆手机号或 E.164 格式的号码',
      translated: true,
      raw: 'phone: "bad" is not a mainland mobile number or E.164',
    })
    expect(
      localiseRejectReason('phone: "bad" is not a mainland mobile number or E.164', enT).text,
    ).toBe('Phone: “bad” is not a mainland China mobile number or an E.164 number')
    const cases: [string, string, string][] = [
      ['external_id: is required', '外部 ID', '必填'],
      ['amount: is required (minor units, e.g. 12900)', '金额', '单位：分'],
      ['amount: "12.5" is not a whole number', '金额', '“12.5”不是整数'],
      ['quantity: must be at least 1 (got 0)', '数量', '1'],
      ['email: "x@" is not an email address', '邮箱', '“x@”不是邮箱地址'],
      ['birthday: "1990/05/01" is not YYYY-MM-DD or --MM-DD', '生日', 'YYYY-MM-DD'],
      ['joined_at: "2025-02-30" is not a real date', '入会时间', '“2025-02-30”不是真实存在的日期'],
      [
        'occurred_at: "yesterday" is not a date (YYYY-MM-DD) or a time with a zone (2026-03-01T10:00:00+08:00)',
        '',
        '“yesterday”不是日期',
      ],
      ['name: longer than 200 characters', '名称', '200'],
      ['member: there is no such member in the program', '会员', '本项目没有这个会员'],
      ['sku: is required when category or quantity is given', 'SKU', '填了品类或数量时必填'],
      ['sku: some lines of the order have none', 'SKU', '有的没填 SKU'],
      ['channel: has bytes that are not UTF-8', '', 'UTF-8'],
      [
        'amount: line 4 says "100", line 3 "200" for the same order',
        '金额',
        '第 4 行是“100”，同一订单的第 3 行是“200”',
      ],
      // A use case's own refusal (AppError.invalid), by the API's messages.
      ['joined_at: must not lie in the future', '入会时间', '不能晚于当前时间'],
    ]
    for (const [reason, field, words] of cases) {
      const localised = localiseRejectReason(reason, zh)
      expect(localised.translated, reason).toBe(true)
      expect(localised.text, reason).toContain(field)
      expect(localised.text, reason).toContain(words)
      expect(localised.text, reason).not.toMatch(/is |must |not a /)
    }
  })

  it('say what is wrong with the whole record', () => {
    expect(localiseRejectReason('expected 6 columns as in the header, found 5', zh).text).toBe(
      '有 5 列，与表头的 6 列不一致',
    )
    expect(
      localiseRejectReason('The order id "o-1" was already used with a different request.', enT)
        .text,
    ).toBe('the order id “o-1” was already used for a different order')
    expect(
      localiseRejectReason('the file cannot be read from here on: Quote Not Closed', zh).text,
    ).toBe('从这一行起文件无法读取：Quote Not Closed')
  })

  it('keep a reason the app does not know as the server wrote it', () => {
    for (const reason of ['something new happened', 'phone: sounds odd']) {
      expect(localiseRejectReason(reason, zh)).toEqual({
        text: reason,
        translated: false,
        raw: reason,
      })
    }
  })
})

describe('failed imports', () => {
  it('say which columns the header lacks, or that the server restarted', () => {
    const header =
      'line 1: the header lacks external_id, phone; expected external_id,name,phone,email,birthday,joined_at'
    expect(localiseImportFailure(header, zh).text).toBe(
      '表头缺少 external_id, phone 列；应为：external_id,name,phone,email,birthday,joined_at',
    )
    expect(
      localiseImportFailure(
        'The import stopped (the server was restarted). Upload the file again: what was imported stays, unchanged.',
        enT,
      ).text,
    ).toContain('Upload the file again')
    expect(localiseImportFailure('disk full', zh)).toEqual({
      text: 'disk full',
      translated: false,
      raw: 'disk full',
    })
  })
})

describe('the upload’s answers', () => {
  it('say how large an upload may be (413)', () => {
    const tooLarge = problem(
      413,
      'payload_too_large',
      'An upload is at most 200 MB; import larger files with `npx loyalbase import`.',
    )
    expect(localiseError(tooLarge, zh).message).toBe(
      '文件太大：网页上传最多 200 MB，更大的文件请用命令行 npx loyalbase import 导入。',
    )
    expect(localiseError(tooLarge, enT).message).toContain('at most 200 MB')
    // The JSON body limit keeps its own sentence.
    expect(
      localiseError(problem(413, 'payload_too_large', 'The request body is larger than 1 MB.'), zh)
        .message,
    ).toBe('提交的内容太大（上限 1 MB）。')
  })

  it('say that an admin key is needed (403), and which import is missing (404)', () => {
    const role = problem(403, 'forbidden', 'This endpoint needs a key with role admin.')
    expect(localiseError(role, zh).message).toBe(
      '此操作需要 admin 角色的密钥，请用管理员（admin）密钥登录。',
    )
    expect(localiseError(role, enT).message).toBe(
      'This needs a key with role admin: sign in with an admin key.',
    )
    expect(localiseError(problem(404, 'not_found', 'Import not found'), zh).message).toBe(
      '找不到该导入记录，它可能已被删除或不属于当前项目。',
    )
  })

  it('say that no file arrived, and name the upload’s fields (400)', () => {
    const empty = problem(
      400,
      'invalid_request',
      'Send the CSV file as the body (Content-Type: text/csv).',
    )
    expect(localiseError(empty, zh).message).toBe('没有收到文件内容：请上传一个 CSV 文件。')
    const kind = new ApiError(400, {
      code: 'invalid_request',
      detail: 'querystring.kind: must be one of: members, orders',
      errors: [{ path: 'querystring.kind', message: 'must be one of: members, orders' }],
    })
    expect(localiseError(kind, zh).summary).toContain('导入内容')
    expect(localiseError(kind, zh).summary).toContain('members, orders')
  })
})
