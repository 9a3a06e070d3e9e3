import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import { describeFieldPath, localiseError, type Translate } from './api-errors'
import { en } from './en'
import { zhCN } from './zh-CN'

/* The webhooks API's errors in the reader's language (the target URL, the events, what is missing). */

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

const invalid = (path: string, message: string) =>
  new ApiError(400, {
    code: 'invalid_request',
    detail: `${path}: ${message}`,
    title: 'Invalid request',
    status: 400,
    errors: [{ path, message }],
  })

const REFUSED = 'such targets are refused unless the program allows private webhook targets'

describe('webhook errors', () => {
  it('says why a target URL is refused, as webhook-target.ts words it', () => {
    const cases: [string, string, string][] = [
      [
        `is a link-local address (169.254.0.0/16, fe80::/10); ${REFUSED}`,
        '链路本地地址',
        'link-local',
      ],
      [`is a cloud metadata address; ${REFUSED}`, '云服务器元数据', 'cloud metadata'],
      [`names a cloud metadata service; ${REFUSED}`, '云服务器元数据', 'cloud metadata'],
      [`is a multicast address; ${REFUSED}`, '组播', 'multicast'],
      ['must not carry credentials (user:password@)', '用户名或密码', 'user name or password'],
      ['must be an http or https URL', 'http 或 https', 'http or https'],
      ['must not have a fragment (#…)', '片段', 'fragment'],
      ['is not a URL', '不是有效的网址', 'is not a URL'],
      ['has no host', '主机名', 'has no host'],
    ]
    for (const [message, chinese, english] of cases) {
      const zhField = localiseError(invalid('url', message), zh).fields[0]
      expect(zhField?.translated).toBe(true)
      expect(zhField?.message).toContain(chinese)
      expect(localiseError(invalid('url', message), enT).fields[0]?.message).toContain(english)
    }
    expect(localiseError(invalid('url', 'is not a URL'), zh).summary).toBe(
      '推送地址：不是有效的网址',
    )
  })

  it('reads the events’ problems', () => {
    expect(
      localiseError(invalid('events', 'names an event type twice'), zh).fields[0]?.message,
    ).toBe('同一事件类型出现了两次')
    const unknown = invalid(
      'events/0',
      '"member.deleted" is not an event type; use "*" or one of member.created, points.earned',
    )
    expect(localiseError(unknown, zh).fields[0]?.message).toBe(
      '「member.deleted」不是可订阅的事件类型',
    )
    expect(describeFieldPath('events', enT)).toBe('Events')
  })

  it('names a webhook or a delivery that is not there', () => {
    const missing = (what: string) =>
      new ApiError(404, { code: 'not_found', detail: `${what} not found`, status: 404 })
    expect(localiseError(missing('Webhook'), zh).message).toBe(
      '找不到该Webhook，它可能已被删除或不属于当前项目。',
    )
    expect(localiseError(missing('Delivery'), enT).message).toBe(
      'No such webhook delivery in this program. It may have been deleted.',
    )
  })
})
