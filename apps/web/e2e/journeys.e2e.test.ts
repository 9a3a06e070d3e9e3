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
    adminKey: 'lb_admin_browser_journeys_key',
    logLevel: 'warn',
    schedulerIntervalMs: 0,
    webDist: WEB_DIST,
  })
  if (!server.demo) throw new Error('the demo program was not created')
  demoKey = server.demo.adminKey
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

describe('admin console', () => {
  it('signs in with a program key, finds a member and opens the detail', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    page = await context.newPage()
    await page.goto(`${base()}/admin`)
    await page.getByTestId('signin-key-input').fill('lb_sk_wrong')
    await page.getByTestId('signin-submit').click()
    await expect.poll(() => page.getByTestId('signin-key-input').isVisible()).toBe(true)

    await page.getByTestId('signin-key-input').fill(demoKey)
    await page.getByTestId('signin-submit').click()
    await page.getByTestId('members-table').waitFor()

    // demo-0007 is one of the deterministic demo members.
    const member = (await server.app
      .inject({
        method: 'GET',
        url: '/v1/members/demo-0007',
        headers: { authorization: `Bearer ${demoKey}` },
      })
      .then((r) => r.json())) as { id: string; name: string; phone: string }
    await page.getByTestId('member-search-input').fill(member.phone)
    await page.getByTestId('member-search-input').press('Enter')
    const row = page.getByTestId('members-table').locator('tbody tr', { hasText: 'demo-0007' })
    await row.waitFor()
    expect(await page.getByTestId('members-table').locator('tbody tr').count()).toBe(1)
    await row.click()

    await page.getByTestId('member-detail').waitFor()
    expect(page.url()).toContain(`/admin/members/${member.id}`)
    expect(await page.getByTestId('member-detail-name').textContent()).toContain(member.name)
  })
})

describe('member portal', () => {
  it('opens a portal session link and shows the member card', async () => {
    const member = (await server.app
      .inject({
        method: 'GET',
        url: '/v1/members/demo-0003',
        headers: { authorization: `Bearer ${demoKey}` },
      })
      .then((r) => r.json())) as { id: string; name: string; points: { available: number } }
    const session = (await server.app
      .inject({
        method: 'POST',
        url: `/v1/members/${member.id}/portal-sessions`,
        headers: { authorization: `Bearer ${demoKey}`, 'content-type': 'application/json' },
        payload: '{}',
      })
      .then((r) => r.json())) as { url: string }
    const link = new URL(session.url)
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
    })
    page = await context.newPage()
    await page.goto(`${base()}${link.pathname}${link.hash}`)
    await page.getByTestId('portal-card').waitFor()
    expect(await page.getByTestId('portal-member-name').textContent()).toContain(member.name)
    expect(await page.getByTestId('portal-tier-name').textContent()).toContain('会员')
    expect((await page.getByTestId('portal-points').textContent())?.replace(/\D/g, '')).toBe(
      String(member.points.available),
    )
    // The token left the address bar once it was read.
    expect(page.url()).not.toContain('token=')
  })

  it('is reached from the console: "open portal as this member"', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    page = await context.newPage()
    await page.goto(`${base()}/admin`)
    await page.getByTestId('signin-key-input').fill(demoKey)
    await page.getByTestId('signin-submit').click()
    await page.getByTestId('members-table').locator('tbody tr').first().click()
    await page.getByTestId('member-detail').waitFor()
    const name = (await page.getByTestId('member-detail-name').textContent()) ?? ''
    const [portal] = await Promise.all([
      context.waitForEvent('page'),
      page.getByTestId('open-portal-button').click(),
    ])
    await portal.getByTestId('portal-card').waitFor()
    expect((await portal.getByTestId('portal-member-name').textContent())?.trim()).toBe(name.trim())
  })
})
