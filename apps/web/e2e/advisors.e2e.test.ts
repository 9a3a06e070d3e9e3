import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { setupE2e } from './support'

const e2e = setupE2e({ adminKey: 'lb_admin_browser_advisors_key' })
const api = e2e.api

interface Advisor {
  id: string
  name: string
  load: number
}
interface Page_<T> {
  data: T[]
  next_cursor: string | null
}

const SHOTS = join(import.meta.dirname, '../../../test-results')

/** A screenshot of a screen worth looking at, kept beside the failure screenshots. */
async function snap(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `advisors-${name}.png`), fullPage: true })
}

/** Picks an option of an antd Select by its text, clicking until the select shows it. */
async function choose(page: Page, select: ReturnType<Page['getByTestId']>, text: string) {
  await select.click()
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
  const option = open.locator('.ant-select-item-option', { hasText: text }).first()
  const chosen = async () => (await select.textContent())?.includes(text) ?? false
  await expect
    .poll(
      async () => {
        if (!(await chosen())) await option.click({ timeout: 2_000 }).catch(() => undefined)
        return chosen()
      },
      { timeout: 20_000 },
    )
    .toBe(true)
  await open.first().waitFor({ state: 'hidden' })
}

describe('advisors and early access in the console and the portal', () => {
  it('adds an advisor who serves waiting members, lists them, and shows the advisor on the card', async () => {
    // The demo's black cards have advisors already; its entry tier gets dedicated service too
    // (as the benefits module would store it), and hundreds of members wait for room.
    const db = e2e.server.database.db
    const programId = e2e.server.demo?.programId as string
    await db
      .insertInto('benefits')
      .values({
        program_id: programId,
        id: 'ben_E2EDEDICATED0000000000000',
        key: 'vip-advisor',
        name: '专属客服',
        type: 'dedicated_service',
        tiers: JSON.stringify(['member']),
      })
      .execute()
    await e2e.server.services.advisors.reconcile(db, programId, new Date())

    const page = await e2e.signIn()
    await page.getByTestId('nav-benefits').click()
    await page.getByTestId('benefits-tab-advisors').click()
    await page.getByTestId('advisors-panel').waitFor()
    await page.getByTestId('advisor-add').click()
    await page.getByTestId('advisor-name').fill('王顾问')
    await page.getByTestId('advisor-contact').fill('400-800-8888')
    await page.getByTestId('advisor-capacity').fill('5')
    await page.getByTestId('advisor-save').click()
    // Five of the waiting demo members are served at once: the bar reads 5 / 5.
    const row = page.getByTestId('advisors-table').locator('tbody tr', { hasText: '王顾问' })
    await row.waitFor({ timeout: 20_000 })
    await expect.poll(() => row.getByTestId('advisor-load').textContent()).toBe('5 / 5')

    const advisors = await api<Page_<Advisor>>('GET', '/v1/advisors')
    const advisor = advisors.data.find((a) => a.name === '王顾问') as Advisor
    expect(advisor.load).toBe(5)
    const served = await api<Page_<{ external_id: string }>>(
      'GET',
      `/v1/advisors/${advisor.id}/members`,
    )
    expect(served.data).toHaveLength(5)

    await snap(page, 'panel')
    await row.getByTestId('advisor-members-open').click()
    await expect.poll(() => page.getByTestId('advisor-members').locator('tbody tr').count()).toBe(5)
    // The drawer's opening animation, for the screenshot.
    await page.waitForTimeout(500)
    await snap(page, 'members')

    // The member sees the advisor on the card page.
    const portal = await e2e.openPortal(served.data[0]?.external_id as string)
    await portal.getByTestId('portal-advisor').waitFor()
    await snap(portal, 'portal')
    expect(await portal.getByTestId('portal-advisor-name').textContent()).toBe('王顾问')
    expect(await portal.getByTestId('portal-advisor-contact').textContent()).toBe('400-800-8888')
  })

  it('creates a release with a head start and shows each tier’s opening time', async () => {
    const page = await e2e.signIn()
    await page.getByTestId('nav-benefits').click()
    await page.getByRole('tab', { name: '优先购买' }).click()
    await page.getByTestId('releases-panel').waitFor()
    await page.getByTestId('release-create').click()
    await page.getByTestId('release-sku').fill('AJ1-E2E')
    await page.getByTestId('release-name').fill('联名球鞋')
    await page.getByTestId('release-public-at').fill('2030-01-02T10:00')
    await page.getByTestId('release-add-tier').click()
    await choose(page, page.getByTestId('release-tier'), '会员')
    await page.getByTestId('release-hours').fill('24')
    await page.getByTestId('release-save').click()
    await expect
      .poll(() => page.getByTestId('releases-table').textContent(), { timeout: 20_000 })
      .toContain('AJ1-E2E')
    const releases = await api<Page_<{ sku: string; public_at: string; early_access: unknown }>>(
      'GET',
      '/v1/releases',
    )
    // 10:00 in Shanghai, the demo program's zone; the member tier a day earlier.
    expect(releases.data[0]).toMatchObject({
      sku: 'AJ1-E2E',
      public_at: '2030-01-02T02:00:00.000Z',
      early_access: [{ tier: 'member', hours_before: 24 }],
    })
    expect(await page.getByTestId('release-opens').first().textContent()).toContain('24')
    await snap(page, 'releases')

    // A member of the tier sees it coming, with its own (earlier) opening time, after the
    // demo's own release.
    const members = await api<Page_<{ id: string }>>('GET', '/v1/members?tier=member&limit=1')
    const portal = await e2e.openPortal(members.data[0]?.id as string)
    await portal.getByTestId('portal-releases').waitFor()
    const release = portal.getByTestId('portal-release').filter({ hasText: '联名球鞋' })
    expect(await release.textContent()).toContain('优先购买')
  })
})
