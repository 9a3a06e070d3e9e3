import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig, type RunningServer, startServer } from '@loyalbase/server'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

const WEB_DIST = join(import.meta.dirname, '../dist')
const RESULTS = join(import.meta.dirname, '../../../test-results')

let server: RunningServer
let browser: Browser
let page: Page
let demoKey: string

beforeAll(async () => {
  server = await startServer({
    ...loadConfig({}),
    databaseUrl: 'pglite:memory',
    port: 0,
    host: '127.0.0.1',
    adminKey: 'lb_admin_browser_points_key',
    logLevel: 'warn',
    schedulerIntervalMs: 0,
    webDist: WEB_DIST,
  })
  if (!server.demo) throw new Error('the demo program was not created')
  demoKey = server.demo.adminKey
  // Order points available at once and expiring in a year, so the card has an expiry to show.
  await api('PATCH', '/v1/program', {
    points_policy: { expiry: { type: 'rolling', months: 12 }, pending_days: 0 },
  })
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

afterEach(async (context) => {
  // A failed journey leaves a screenshot behind to look at.
  if (context.task.result?.state === 'fail' && page) {
    mkdirSync(RESULTS, { recursive: true })
    const name = context.task.name.replace(/[^a-z0-9]+/gi, '-')
    await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true })
  }
  await page?.context().close()
})

const base = () => server.url.replace('localhost', '127.0.0.1')

/** Calls the API in-process with the demo program's admin key. */
async function api<T>(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown): Promise<T> {
  const response = await server.app.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${demoKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  })
  if (response.statusCode >= 400) throw new Error(`${method} ${url}: ${response.body}`)
  return response.json() as T
}

interface Balance {
  available: number
  expiring: { points: number; expires_at: string }[]
}

const digits = (text: string | null) => text?.replace(/\D/g, '') ?? ''

async function signIn() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
  await page.goto(`${base()}/admin`)
  await page.getByTestId('signin-key-input').fill(demoKey)
  await page.getByTestId('signin-submit').click()
  await page.getByTestId('members-table').waitFor()
}

describe('points in the console', () => {
  it('creates a rule from a template, previews it, and traces an order to the member', async () => {
    await signIn()

    // A rule: 2 points per ¥1 on orders with shoes, condition from a template.
    await page.getByTestId('nav-rules').click()
    await page.getByTestId('rule-create').click()
    await page.getByTestId('rule-name-input').fill('E2E shoes double')
    await page.getByTestId('condition-template-button').click()
    await page.getByTestId('condition-template-category').click()
    expect(await page.getByTestId('condition-editor').inputValue()).toContain('order.categories')
    await page.getByTestId('rule-reward-points').fill('2')

    // Preview against a sample order of ¥129 with shoes: 258 points.
    await page.getByTestId('preview-category').fill('shoes')
    await page.getByTestId('preview-run').click()
    const result = page.getByTestId('preview-result')
    await result.waitFor()
    expect(await result.textContent()).toContain('这笔订单可得 258 积分')
    // Without shoes the condition does not hold.
    await page.getByTestId('preview-category').fill('bags')
    await page.getByTestId('preview-run').click()
    await expect.poll(() => result.textContent()).toContain('不匹配')

    await page.getByTestId('rule-save').click()
    await page.getByTestId('rules-table').getByText('E2E shoes double').waitFor()
    expect(page.url()).toMatch(/\/admin\/rules$/)

    // An order through the API, then the member's page.
    const member = await api<{ id: string }>('GET', '/v1/members/demo-0011')
    await api('POST', '/v1/orders', {
      id: 'e2e-order-1',
      member: member.id,
      amount: 12900,
      items: [{ sku: 'SHOE-9', category: 'shoes', quantity: 1, unit_price: 12900 }],
    })
    const balance = await api<Balance>('GET', `/v1/members/${member.id}/points`)
    await page.goto(`${base()}/admin/members/${member.id}`)
    await page.getByTestId('member-points').waitFor()
    await expect
      .poll(async () => digits(await page.getByTestId('points-available').textContent()))
      .toBe(String(balance.available))
    expect(await page.getByTestId('points-expiring').textContent()).toContain('积分将于')

    // The history row of the new rule links to the order's page.
    const row = page.getByTestId('points-history').locator('tbody tr', {
      hasText: 'E2E shoes double',
    })
    await row.waitFor()
    expect(await row.textContent()).toContain('+258')
    await row.getByTestId('source-order-link').click()
    await page.getByTestId('order-detail').waitFor()
    expect(await page.getByTestId('order-detail-id').textContent()).toBe('e2e-order-1')
    await page.goBack()

    // A manual adjustment through the form shows in the balance at once.
    await page.getByTestId('adjust-points-button').click()
    await page.getByTestId('adjust-points-input').fill('100')
    await page.getByTestId('adjust-reason-input').fill('E2E goodwill')
    await page.getByTestId('adjust-submit').click()
    await expect
      .poll(async () => digits(await page.getByTestId('points-available').textContent()))
      .toBe(String(balance.available + 100))
    await page.getByTestId('points-history').getByText('E2E goodwill').waitFor()

    // Taking more than there is: the server's 422 shows in the form.
    await page.getByTestId('adjust-points-button').click()
    await page.getByTestId('adjust-points-input').fill(String(-(balance.available + 1000)))
    await page.getByTestId('adjust-reason-input').fill('too much')
    await page.getByTestId('adjust-submit').click()
    expect(await page.getByTestId('adjust-error').textContent()).toContain('可用积分不足')
  })

  it('shows the server’s verdict on a bad condition next to the editor', async () => {
    await signIn()
    await page.goto(`${base()}/admin/rules/new`)
    await page.getByTestId('rule-name-input').fill('E2E broken')
    await page.getByTestId('condition-editor').fill('{ "and": [{ "bogus": 1 }] }')
    await page.getByTestId('rule-save').click()
    const errors = page.getByTestId('condition-errors')
    await errors.waitFor()
    expect(await errors.textContent()).toContain('bogus')
    expect(page.url()).toMatch(/\/admin\/rules\/new$/)
  })
})

describe('points in the portal', () => {
  it('shows the balance, the next expiry and the history', async () => {
    const member = await api<{ id: string }>('GET', '/v1/members/demo-0012')
    await api('POST', '/v1/orders', { id: 'e2e-order-2', member: member.id, amount: 8800 })
    const balance = await api<Balance>('GET', `/v1/members/${member.id}/points`)
    const session = await api<{ url: string }>(
      'POST',
      `/v1/members/${member.id}/portal-sessions`,
      {},
    )
    const link = new URL(session.url)
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
    })
    page = await context.newPage()
    await page.goto(`${base()}${link.pathname}${link.hash}`)
    await page.getByTestId('portal-card').waitFor()
    expect(digits(await page.getByTestId('portal-points').textContent())).toBe(
      String(balance.available),
    )
    const soonest = balance.expiring[0]
    if (!soonest) throw new Error('the order should have points that expire')
    const expiring = page.getByTestId('portal-expiring')
    await expiring.getByText('积分将于').waitFor()
    expect(await expiring.textContent()).toContain(`${soonest.points.toLocaleString('zh-CN')} 积分`)
    await page.getByTestId('portal-history-row').first().waitFor()
    expect(await page.getByTestId('portal-history-row').first().textContent()).toContain('获得')
  })
})
