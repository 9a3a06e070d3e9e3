import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { digits, setupE2e } from './support'

/*
 * Benefits: the operator gives a tier a benefit in the matrix, records uses on a member's page
 * (the quota's 422 and the tier's 403 in the reader's language), sees the delivery audit move,
 * and the member sees what is left in the portal.
 */

interface Member {
  id: string
  external_id: string
}

const e2e = setupE2e({
  adminKey: 'lb_admin_browser_benefits_key',
  // A ladder with a gold tier nobody reaches by spending: the demo's gold cards keep theirs
  // until a review, and more gold members are made by hand.
  prepare: async ({ api }) => {
    await api('PUT', '/v1/tiers', {
      metric: 'spend',
      window: { type: 'lifetime' },
      downgrade: { type: 'never' },
      tiers: [
        { key: 'normal', name: '普通会员', name_en: 'Member', threshold: 0 },
        { key: 'gold', name: '金卡', name_en: 'Gold', threshold: 100_000_000 },
      ],
    })
  },
})
const api = e2e.api
const base = e2e.base

const SHOTS = join(import.meta.dirname, '../../../test-results')

async function snap(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `benefits-${name}.png`), fullPage: true })
}

/** Picks an option of an antd Select by its text (clicking until the select shows it). */
async function choose(page: Page, testId: string, text: string) {
  const select = page.getByTestId(testId)
  const chosen = async () => (await select.textContent())?.includes(text) ?? false
  // Already showing it (the first option is chosen by default): nothing to pick.
  if (await chosen()) return
  await select.click()
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
  const option = open.locator('.ant-select-item-option', { hasText: text }).first()
  await expect
    .poll(
      async () => {
        if (!(await chosen())) await option.click({ timeout: 2_000 }).catch(() => undefined)
        return chosen()
      },
      { timeout: 20_000 },
    )
    .toBe(true)
  // Chosen by default once the options loaded, the list may still be open: close it.
  if ((await open.count()) > 0) await page.keyboard.press('Escape')
  await open.first().waitFor({ state: 'hidden' })
}

/** A demo member moved to gold by hand. */
async function goldMember(ref: string): Promise<Member> {
  const member = await api<Member>('GET', `/v1/members/${ref}`)
  await api('PUT', `/v1/members/${member.id}/tier`, { tier: 'gold', reason: 'E2E 金卡' })
  return member
}

/** The audit tab's figure for one statistic. */
async function figure(page: Page, name: string) {
  return Number(digits(await page.getByTestId(`audit-${name}`).textContent()))
}

describe('benefits', () => {
  it('gives gold free shipping twice a month, records uses, audits them, and the portal shows what is left (中文)', async () => {
    const member = await goldMember('demo-0041')
    const page = await e2e.signIn()

    // A free-shipping benefit, 2 a month, made for no tier yet.
    await page.getByTestId('nav-benefits').click()
    await page.getByTestId('benefit-matrix').waitFor()
    await page.getByTestId('benefit-create').click()
    await page.getByTestId('benefit-name-input').fill('E2E 每月免邮')
    await page.getByTestId('benefit-key-input').fill('e2e_free_ship')
    await page.getByTestId('benefit-limited').click()
    await page.getByTestId('benefit-quota-count').fill('2')
    await page.getByTestId('benefit-form-submit').click()
    const row = page.locator('tr[data-benefit="e2e_free_ship"]')
    await row.waitFor()
    expect(await row.getByTestId('benefit-quota').textContent()).toBe('2 次 / 月')
    expect(await row.textContent()).toContain('免运费')

    // Gold gets it in the matrix.
    await row.getByTestId('benefit-cell-e2e_free_ship-gold').click()
    await page.getByText('金卡 已享有「E2E 每月免邮」').waitFor()
    await expect
      .poll(async () => (await api<{ tiers: string[] }>('GET', '/v1/benefits/e2e_free_ship')).tiers)
      .toEqual(['gold'])
    await snap(page, 'matrix-zh')

    // The audit before any use: the gold member is entitled, nobody used it.
    await page.getByTestId('benefits-tab-audit').click()
    await choose(page, 'audit-benefit-select', 'E2E 每月免邮')
    await expect.poll(() => figure(page, 'entitled')).toBeGreaterThanOrEqual(1)
    const entitled = await figure(page, 'entitled')
    expect(await figure(page, 'uses')).toBe(0)
    expect(await figure(page, 'unused')).toBe(entitled)
    await page.getByTestId('unused-members-table').getByTestId('unused-member').first().waitFor()

    // Two uses on the member's page; the third is refused, in Chinese.
    await page.goto(`${base()}/admin/members/${member.id}`)
    const card = page.getByTestId('member-benefits')
    const benefit = card.locator('[data-benefit="e2e_free_ship"]')
    await benefit.waitFor()
    expect(await benefit.getByTestId('member-benefit-remaining').textContent()).toBe(
      '本月剩余 2 / 2 次',
    )
    for (const [reference, left] of [
      ['工单 A-1', '本月剩余 1 / 2 次'],
      ['工单 A-2', '本月剩余 0 / 2 次'],
    ] as const) {
      await benefit.getByTestId('record-use-e2e_free_ship').click()
      await page.getByTestId('record-use-reference').fill(reference)
      await page.getByTestId('record-use-submit').click()
      await expect
        .poll(() => benefit.getByTestId('member-benefit-remaining').textContent())
        .toBe(left)
    }
    await card.getByTestId('member-benefit-uses').getByText('工单 A-2').waitFor()
    await benefit.getByTestId('record-use-e2e_free_ship').click()
    await page.getByTestId('record-use-submit').click()
    await expect
      .poll(() => page.getByTestId('record-use-error').textContent())
      .toContain('本周期的权益次数已用完')
    await page.keyboard.press('Escape')
    await snap(page, 'member-zh')

    // The audit moved: one member used it, twice.
    await page.goto(`${base()}/admin/benefits?tab=audit`)
    await choose(page, 'audit-benefit-select', 'E2E 每月免邮')
    await expect.poll(() => figure(page, 'uses')).toBe(2)
    expect(await figure(page, 'used')).toBe(1)
    expect(await figure(page, 'unused')).toBe(entitled - 1)
    await page.getByTestId('benefit-delivery-chart').waitFor()
    // The unused members as CSV, downloaded with the key: the member is not among them.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-unused-button').click(),
    ])
    const lines = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n')
    expect(lines[0]).toBe('id,external_id,name,phone,email,tier')
    expect(lines).toHaveLength(entitled)
    expect(lines.some((line) => line.startsWith(`${member.id},`))).toBe(false)
    await snap(page, 'audit-zh')

    // The member's portal: nothing left this month, and when it resets.
    const portal = await e2e.openPortal(member.id)
    const mine = portal.getByTestId('portal-benefit').filter({ hasText: 'E2E 每月免邮' })
    await mine.waitFor()
    expect(await mine.getByTestId('portal-benefit-remaining').textContent()).toBe(
      '本月剩余 0 / 2 次',
    )
    expect(await mine.getByTestId('portal-benefit-resets').textContent()).toContain('重置')
    await snap(portal, 'portal-zh')
  })

  it('makes a tier discount with the form’s checks, and says tier_required in English', async () => {
    const member = await goldMember('demo-0042')
    const page = await e2e.signIn()
    await page.getByTestId('lang-switch').click()
    await page.goto(`${base()}/admin/benefits`)
    await page.getByTestId('benefit-create').click()
    await page.getByTestId('benefit-name-input').fill('E2E gold discount')
    await page.getByTestId('benefit-key-input').fill('e2e_gold_off')
    await choose(page, 'benefit-type-select', 'Tier discount')
    // Over 100 % is refused by the form, as the server would.
    await page.getByTestId('benefit-percent-off').fill('120')
    await page.getByTestId('benefit-form-submit').click()
    await page.getByText('Enter a number above 0 and at most 100').waitFor()
    await page.getByTestId('benefit-percent-off').fill('5')
    await page.getByTestId('benefit-max-amount').fill('50')
    await page.getByTestId('benefit-tier-gold').click()
    await page.getByTestId('benefit-form-submit').click()
    const row = page.locator('tr[data-benefit="e2e_gold_off"]')
    await row.waitFor()
    expect(await row.getByTestId('benefit-config').textContent()).toBe('5% off, up to ¥50')
    expect(await row.getByTestId('benefit-quota').textContent()).toBe('Unlimited')

    // Edited: 10 % off, 4 a week; switched off and on again from the row.
    await row.getByTestId('benefit-edit-e2e_gold_off').click()
    expect(await page.getByTestId('benefit-key-input').isDisabled()).toBe(true)
    await page.getByTestId('benefit-percent-off').fill('10')
    await page.getByTestId('benefit-limited').click()
    await page.getByTestId('benefit-quota-count').fill('4')
    await choose(page, 'benefit-quota-period', 'week')
    await page.getByTestId('benefit-form-submit').click()
    await expect
      .poll(() => row.getByTestId('benefit-config').textContent())
      .toBe('10% off, up to ¥50')
    expect(await row.getByTestId('benefit-quota').textContent()).toBe('4 per week')
    await row.getByTestId('benefit-active-e2e_gold_off').click()
    await page.getByText('Switched off “E2E gold discount”').waitFor()
    expect((await api<{ active: boolean }>('GET', '/v1/benefits/e2e_gold_off')).active).toBe(false)
    await row.getByTestId('benefit-active-e2e_gold_off').click()
    await page.getByText('Switched on “E2E gold discount”').waitFor()
    await snap(page, 'matrix-en')

    // The same key again: the server's 409 reads in English.
    await page.getByTestId('benefit-create').click()
    await page.getByTestId('benefit-name-input').fill('Again')
    await page.getByTestId('benefit-key-input').fill('e2e_gold_off')
    await page.getByTestId('benefit-form-submit').click()
    await page
      .getByTestId('benefit-form')
      .getByText('A benefit with this key already exists.')
      .waitFor()
    await page.keyboard.press('Escape')

    // A gold member has it; once gold loses it (elsewhere), recording a use says why not.
    await page.goto(`${base()}/admin/members/${member.id}`)
    const benefit = page.getByTestId('member-benefits').locator('[data-benefit="e2e_gold_off"]')
    await benefit.waitFor()
    expect(await benefit.getByTestId('member-benefit-remaining').textContent()).toBe(
      '4 of 4 left this week',
    )
    await api('PATCH', '/v1/benefits/e2e_gold_off', { tiers: [] })
    await benefit.getByTestId('record-use-e2e_gold_off').click()
    await page.getByTestId('record-use-submit').click()
    await expect
      .poll(() => page.getByTestId('record-use-error').textContent())
      .toContain('The member’s tier does not include this.')
    await snap(page, 'member-en')
    await page.keyboard.press('Escape')

    // Deleted from the matrix after a confirmation; its row goes.
    await page.goto(`${base()}/admin/benefits`)
    const gone = page.locator('tr[data-benefit="e2e_gold_off"]')
    await gone.getByTestId('benefit-delete-e2e_gold_off').click()
    await page.getByTestId('benefit-delete-confirm').click()
    await page.getByText('Deleted “E2E gold discount”').waitFor()
    await gone.waitFor({ state: 'detached' })
  })
})
