import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { setupE2e } from './support'

/*
 * The rewards catalog end to end (docs/rewards.md): an operator adds a reward in the console, a
 * member redeems it in the portal's mall after confirming, and the operator fulfils it from the
 * queue. Chromium here has no CJK font: the journey reads text, never pixels.
 */

const e2e = setupE2e({ adminKey: 'lb_admin_browser_rewards_key' })
const api = e2e.api

const SHOTS = join(import.meta.dirname, '../../../test-results')

/** A screenshot of a screen worth looking at, kept beside the failure screenshots. */
async function snap(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `rewards-${name}.png`), fullPage: true })
}

interface Member {
  id: string
  points: { available: number }
}
interface Redemption {
  id: string
  status: string
  points_spent: number
  reward_name: string
}

describe('the rewards catalog', () => {
  it('operator creates a reward; the member redeems it in the portal; the operator fulfils it', async () => {
    const member = await api<Member>('GET', '/v1/members/demo-0042')
    await api('POST', `/v1/members/${member.id}/points/adjustments`, {
      points: 5_000,
      reason: 'e2e: points for the mall',
    })
    const before = (await api<Member>('GET', `/v1/members/${member.id}`)).points.available

    // The operator adds a reward with a stock of 3 (中文 console).
    const page = await e2e.signIn()
    await page.getByTestId('nav-rewards').click()
    await page.getByTestId('rewards-table').waitFor()
    await page.getByTestId('reward-create').click()
    await page.getByTestId('reward-form-name').fill('E2E 品牌帆布袋')
    await page.getByTestId('reward-form-points').fill('1200')
    await page.getByTestId('reward-form-stock').fill('3')
    await page.getByTestId('reward-save').click()
    const row = page.getByTestId('reward-row').filter({ hasText: 'E2E 品牌帆布袋' })
    await row.waitFor()
    expect(await row.getByTestId('reward-stock').textContent()).toBe('3 / 3')

    // A reward the member cannot afford shows as such in the mall.
    await api('POST', '/v1/rewards', {
      name: 'E2E 豪华礼盒',
      type: 'product',
      points_cost: 10_000_000,
    })

    // The member redeems it in the portal, after confirming (English portal).
    const portal = await e2e.openPortal(member.id)
    await portal.getByTestId('lang-switch').click()
    const mall = portal.getByTestId('portal-rewards')
    const bag = mall.getByTestId('portal-reward').filter({ hasText: 'E2E 品牌帆布袋' })
    const box = mall.getByTestId('portal-reward').filter({ hasText: 'E2E 豪华礼盒' })
    await bag.waitFor()
    expect(await bag.getAttribute('data-status')).toBe('available')
    expect(await box.getAttribute('data-status')).toBe('insufficient_points')
    expect(await box.getByTestId('portal-reward-status').textContent()).toBe('Not enough points')
    await bag.scrollIntoViewIfNeeded()
    await snap(portal, 'portal-mall')
    await bag.getByTestId('portal-reward-redeem').click()
    await portal.getByTestId('portal-reward-confirm').click()
    const history = portal.getByTestId('portal-redemption').filter({ hasText: 'E2E 品牌帆布袋' })
    await history.waitFor()
    expect(await history.getAttribute('data-status')).toBe('pending')
    expect(await history.textContent()).toContain('To be shipped')
    await expect
      .poll(async () => (await api<Member>('GET', `/v1/members/${member.id}`)).points.available)
      .toBe(before - 1200)

    // The operator fulfils it from the queue.
    await page.getByTestId('rewards-tab-queue').click()
    const queued = page.getByTestId('redemption-row').filter({ hasText: 'E2E 品牌帆布袋' })
    await queued.waitFor()
    await snap(page, 'queue')
    await queued.getByTestId('redemption-fulfill').click()
    await queued.waitFor({ state: 'detached' })
    const redemptions = await api<{ data: Redemption[] }>(
      'GET',
      `/v1/members/${member.id}/reward-redemptions`,
    )
    expect(redemptions.data[0]).toMatchObject({
      reward_name: 'E2E 品牌帆布袋',
      status: 'fulfilled',
      points_spent: 1200,
    })

    // The member's page lists it, fulfilled.
    await page.goto(`${e2e.base()}/admin/members/${member.id}`)
    const mine = page.getByTestId('member-redemptions')
    await expect.poll(() => mine.textContent()).toContain('E2E 品牌帆布袋')
    expect(await mine.textContent()).toContain('已履约')
    await page.goto(`${e2e.base()}/admin/rewards`)
    await page.getByTestId('rewards-table').waitFor()

    // The catalog shows what is left.
    await page.getByTestId('rewards-tab-catalog').click()
    await expect
      .poll(() =>
        page
          .getByTestId('reward-row')
          .filter({ hasText: 'E2E 品牌帆布袋' })
          .getByTestId('reward-stock')
          .textContent(),
      )
      .toBe('2 / 3')
    await page.getByTestId('lang-switch').click()
    await snap(page, 'catalog')
  }, 120_000)
})
