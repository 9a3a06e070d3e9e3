import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { setupE2e } from './support'

const e2e = setupE2e({ adminKey: 'lb_admin_browser_coupons_key' })
const api = e2e.api
const base = e2e.base

interface Member {
  id: string
  points: { available: number }
}
interface Template {
  id: string
}

const SHOTS = join(import.meta.dirname, '../../../test-results')

/** A screenshot of a screen worth looking at, kept beside the failure screenshots. */
async function snap(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `coupons-${name}.png`), fullPage: true })
}

/**
 * Picks an option of an antd Select by its text. The list may still be loading its options or
 * animating in, and a click then selects nothing: the journey clicks until the select shows the
 * choice. A single select's list then closes, and the journey waits for that, so that the list
 * never takes the next click; a multiple select's list stays open: the caller closes it.
 */
async function choose(page: Page, testId: string, text: string, multiple = false) {
  const select = page.getByTestId(testId)
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
  if (!multiple) await open.first().waitFor({ state: 'hidden' })
}

/** Types a tag into an antd tags Select. */
async function addTag(page: Page, testId: string, tag: string) {
  const input = page.getByTestId(testId).locator('input')
  await input.fill(tag)
  await input.press('Enter')
}

describe('coupons in the console', () => {
  it('creates a template, issues it, previews a checkout with it and makes bulk codes (中文)', async () => {
    const page = await e2e.signIn()
    const member = await api<Member>('GET', '/v1/members/demo-0031')

    // A template: ¥50 off orders of ¥300, a week, one per member, 100 in all.
    await page.getByTestId('nav-coupons').click()
    await page.getByTestId('coupon-templates-table').waitFor()
    await page.getByTestId('coupon-template-create').click()
    await page.getByTestId('coupon-name-input').fill('E2E 满300减50')
    await page.getByTestId('coupon-amount-off').fill('50')
    await page.getByTestId('coupon-min-spend').fill('300')
    await page.getByTestId('coupon-days').fill('7')
    await page.getByTestId('coupon-per-member-limit').fill('1')
    await page.getByTestId('coupon-total-limit').fill('100')
    await expect
      .poll(() => page.getByTestId('coupon-preview').textContent())
      .toContain('满 ¥300 减 ¥50')
    await page.getByTestId('coupon-template-save').click()
    await page.getByTestId('coupon-template-detail').waitFor()
    const templateUrl = page.url()
    expect(templateUrl).toMatch(/\/admin\/coupons\/cpt_/)
    expect(await page.getByTestId('coupon-template-discount').textContent()).toBe('满 ¥300 减 ¥50')

    // The list shows it in words, with its count.
    await page.getByTestId('nav-coupons').click()
    const row = page.getByTestId('coupon-templates-table').locator('tbody tr', {
      hasText: 'E2E 满300减50',
    })
    await row.waitFor()
    expect(await row.textContent()).toContain('满 ¥300 减 ¥50')
    expect(await row.textContent()).toContain('每人限 1 张')

    // Issue it to a member; it shows as usable on the member's page.
    await page.goto(`${base()}/admin/members/${member.id}`)
    await page.getByTestId('member-coupons').waitFor()
    await page.getByTestId('issue-coupon-button').click()
    await choose(page, 'issue-coupon-template', 'E2E 满300减50')
    await page.getByTestId('issue-coupon-submit').click()
    const couponRow = page.getByTestId('member-coupons-table').locator('tbody tr', {
      hasText: 'E2E 满300减50',
    })
    await couponRow.waitFor()
    expect(await couponRow.getByTestId('coupon-status').textContent()).toBe('可用')
    const code = (await couponRow.getByTestId('member-coupon-code').textContent())?.trim() ?? ''
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)

    // A second one is past the per-member limit: the 422 reads in Chinese.
    await page.getByTestId('issue-coupon-button').click()
    await choose(page, 'issue-coupon-template', 'E2E 满300减50')
    await page.getByTestId('issue-coupon-submit').click()
    await expect
      .poll(() => page.getByTestId('issue-coupon-error').textContent())
      .toContain('已达发放上限')
    await page.getByTestId('issue-coupon-cancel').click()

    // Checkout preview: ¥350 of shoes and ¥10 shipping with the coupon: ¥50 off; the demo tier's
    // monthly free shipping (a benefit) takes the ¥10 fee: ¥300 to pay.
    const preview = page.getByTestId('checkout-preview')
    await preview.getByTestId('quote-item-sku').fill('SHOE-1')
    await preview.getByTestId('quote-item-category').fill('shoes')
    await preview.getByTestId('quote-item-price').fill('350')
    await preview.getByTestId('quote-shipping').fill('10')
    await choose(page, 'quote-coupons', code, true)
    await page.keyboard.press('Escape')
    await preview.getByTestId('quote-run').click()
    await preview.getByTestId('quote-result').waitFor()
    expect(await preview.getByTestId('quote-subtotal').textContent()).toContain('350.00')
    expect(await preview.getByTestId('quote-discount').textContent()).toContain('50.00')
    expect(await preview.getByTestId('quote-benefit-discount').textContent()).toContain('10.00')
    expect(await preview.getByTestId('quote-result').textContent()).toContain(
      '会员权益 每月两次包邮',
    )
    expect(await preview.getByTestId('quote-total').textContent()).toContain('300.00')
    expect(await preview.getByTestId('quote-applicable').textContent()).toContain('可用，减')
    // Under the minimum spend, the coupon would not apply, and the preview says why.
    await preview.getByTestId('quote-item-price').fill('200')
    await preview.getByTestId('quote-run').click()
    await expect
      .poll(() => preview.getByTestId('quote-refused').textContent())
      .toContain('未达到使用门槛')
    expect(await preview.getByTestId('quote-total').textContent()).toContain('200.00')
    await snap(page, 'member-zh')

    // 50 bulk codes: the progress finishes and the list fills.
    await page.goto(templateUrl)
    await page.getByTestId('coupon-template-detail').waitFor()
    await page.getByTestId('generate-codes-button').click()
    await page.getByTestId('generate-count').fill('50')
    await page.getByTestId('generate-submit').click()
    await page.getByTestId('codes-done').waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('codes-done').textContent()).toContain('共生成 50 个券码')
    await expect
      .poll(() => page.getByTestId('coupon-template-issued').textContent())
      .toBe('51 / 100')
    await page.getByTestId('codes-filter-unassigned').click()
    // The filtered page replaces the unfiltered one: wait for it, then check nothing else shows.
    await expect
      .poll(() => page.getByTestId('codes-table').locator('[data-status="unassigned"]').count())
      .toBe(20)
    await expect
      .poll(() => page.getByTestId('codes-table').getByTestId('coupon-status').count())
      .toBe(20)

    // Export: every unassigned code as CSV, downloaded with the key.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-codes-button').click(),
    ])
    const path = await download.path()
    const lines = readFileSync(path, 'utf8').trim().split('\n')
    expect(lines[0]).toBe('code,status,member,issued_at,expires_at')
    expect(lines).toHaveLength(51)
    expect(lines.slice(1).every((line) => line.includes(',unassigned,'))).toBe(true)
    await snap(page, 'template-codes-zh')
    await page.getByTestId('nav-coupons').click()
    await page.getByTestId('coupon-template-link').first().waitFor()
    await snap(page, 'templates-zh')
  })

  it('creates a percentage coupon and previews a checkout in English', async () => {
    const page = await e2e.signIn()
    await page.getByTestId('lang-switch').click()
    const member = await api<Member>('GET', '/v1/members/demo-0032')

    await page.goto(`${base()}/admin/coupons/new`)
    await page.getByTestId('coupon-name-input').fill('E2E shoes 10% off')
    await page.getByTestId('coupon-type-percent').click()
    // Over 100 % is refused in the form, as the server would.
    await page.getByTestId('coupon-percent-off').fill('120')
    await page.getByTestId('coupon-template-save').click()
    await page.getByText('Enter a number from 1 to 100, at most 4 decimals').waitFor()
    await page.getByTestId('coupon-percent-off').fill('10')
    await page.getByTestId('coupon-max-amount').fill('50')
    await addTag(page, 'coupon-categories', 'shoes')
    await snap(page, 'template-form-en')
    await page.getByTestId('coupon-validity-window').click()
    await page.getByTestId('coupon-starts-at').fill('2026-01-01T00:00')
    await page.getByTestId('coupon-ends-at').fill('2099-01-01T00:00')
    await page.getByTestId('coupon-stackable').click()
    await page.getByTestId('coupon-template-save').click()
    await page.getByTestId('coupon-template-detail').waitFor()
    expect(await page.getByTestId('coupon-template-discount').textContent()).toBe(
      '10% off, up to ¥50',
    )
    expect(await page.getByTestId('coupon-template-detail').textContent()).toContain(
      'On categories shoes',
    )

    await page.goto(`${base()}/admin/members/${member.id}`)
    await page.getByTestId('issue-coupon-button').click()
    await choose(page, 'issue-coupon-template', 'E2E shoes 10% off')
    await page.getByTestId('issue-coupon-submit').click()
    const couponRow = page.getByTestId('member-coupons-table').locator('tbody tr', {
      hasText: 'E2E shoes 10% off',
    })
    await couponRow.waitFor()
    expect(await couponRow.getByTestId('coupon-status').textContent()).toBe('Usable')
    const code = (await couponRow.getByTestId('member-coupon-code').textContent())?.trim() ?? ''

    // Socks only: the coupon covers no item.
    const preview = page.getByTestId('checkout-preview')
    await preview.getByTestId('quote-item-sku').fill('SOCK-1')
    await preview.getByTestId('quote-item-category').fill('socks')
    await preview.getByTestId('quote-item-price').fill('100')
    await choose(page, 'quote-coupons', code, true)
    await page.keyboard.press('Escape')
    await preview.getByTestId('quote-run').click()
    await expect
      .poll(() => preview.getByTestId('quote-refused').textContent())
      .toContain('No eligible items')
    // Shoes: 10 % off, and points pay some of the rest.
    await preview.getByTestId('quote-item-category').fill('shoes')
    await preview.getByTestId('quote-points').fill('500')
    await preview.getByTestId('quote-run').click()
    await expect.poll(() => preview.getByTestId('quote-discount').textContent()).toContain('10.00')
    expect(await preview.getByTestId('quote-applicable').textContent()).toContain('Applies')
    expect(await preview.getByTestId('quote-result').textContent()).toContain('Points to earn')
    await snap(page, 'member-en')

    // Support finds the coupon by its code as a customer reads it out: lower case, no dashes.
    await page.goto(`${base()}/admin/coupons`)
    const search = page.getByTestId('coupon-search').locator('input')
    await search.fill(code.replaceAll('-', '').toLowerCase())
    await search.press('Enter')
    const found = page.getByTestId('coupon-found')
    await found.waitFor()
    expect(await found.textContent()).toContain(code)
    expect(await found.getByTestId('coupon-status').textContent()).toBe('Usable')
    expect(await found.textContent()).toContain(member.id)
    await search.fill('ZZZZ-ZZZZ-ZZZZ-ZZZZ')
    await search.press('Enter')
    await page.getByText('This program has no coupon “ZZZZ-ZZZZ-ZZZZ-ZZZZ”').waitFor()

    // The member pays with the coupon and points; the order shows both.
    const before = await api<Member>('GET', `/v1/members/${member.id}`)
    const points = Math.min(500, before.points.available)
    await api('POST', '/v1/orders', {
      id: 'e2e-coupon-points',
      member: member.id,
      amount: 45_000 - points,
      items: [{ sku: 'SHOE-1', category: 'shoes', quantity: 1, unit_price: 50_000 }],
      coupon_codes: [code],
      points_to_redeem: points,
    })
    await page.goto(`${base()}/admin/orders/e2e-coupon-points`)
    expect(await page.getByTestId('order-discounts').textContent()).toContain(code)
    expect(await page.getByTestId('order-discounts').textContent()).toContain('50.00')
    if (points > 0) {
      expect(await page.getByTestId('order-points-paid').textContent()).toContain(
        `${points} points`,
      )
    }
    await snap(page, 'order-en')
  })
})

describe('coupons in the portal', () => {
  it('shows the member’s coupon under usable, in words, with its code and the points as cash', async () => {
    const template = await api<Template>('POST', '/v1/coupon-templates', {
      name: '满 300 减 50 · 门店',
      discount: { type: 'amount', amount_off: 5000 },
      min_spend: 30000,
      validity: { days: 7 },
    })
    const member = await api<Member>('GET', '/v1/members/demo-0033')
    const coupon = await api<{ code: string }>('POST', `/v1/members/${member.id}/coupons`, {
      template: template.id,
    })
    const page = await e2e.openPortal(member.id)
    const usable = page.getByTestId('portal-coupons-active')
    const card = usable.getByTestId('portal-coupon').filter({ hasText: coupon.code })
    await card.waitFor()
    expect(await card.getByTestId('portal-coupon-discount').textContent()).toBe('满 ¥300 减 ¥50')
    expect(await card.getByTestId('portal-coupon-when').textContent()).toContain('有效期至')
    expect(await card.getByTestId('portal-coupon-code').textContent()).toBe(coupon.code)
    await card.getByTestId('portal-coupon-copy').waitFor()
    // Points as cash: the default policy is 100 points per yuan, at most 50 % of an order.
    const cash = (member.points.available / 100).toFixed(2).replace(/\.00$/, '')
    expect(await page.getByTestId('portal-points-cash').textContent()).toContain(
      `¥${Number(cash).toLocaleString('zh-CN')}`,
    )
    expect(await page.getByTestId('portal-points-cash').textContent()).toContain('50%')
    // Nothing used yet.
    await page.getByTestId('portal-coupons-tab-redeemed').click()
    await page.getByTestId('portal-coupons-tab-active').click()
    await card.waitFor()
    await snap(page, 'portal-zh')
    await page.getByTestId('portal-coupons-tab-redeemed').click()
    await page.getByText('还没有使用过优惠券').waitFor()
  })
})
