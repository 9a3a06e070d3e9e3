import { describe, expect, it } from 'vitest'
import { digits, setupE2e } from './support'

const e2e = setupE2e({
  adminKey: 'lb_admin_browser_points_key',
  // Order points available at once and expiring in a year, so the card has an expiry to show.
  prepare: (ready) =>
    ready.api('PATCH', '/v1/program', {
      points_policy: { expiry: { type: 'rolling', months: 12 }, pending_days: 0 },
    }),
})

const api = e2e.api
const base = e2e.base

interface Balance {
  available: number
  expiring: { points: number; expires_at: string }[]
}

describe('points in the console', () => {
  it('creates a rule from a template, previews it, and traces an order to the member', async () => {
    const page = await e2e.signIn()

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
    const page = await e2e.signIn()
    await page.goto(`${base()}/admin/rules/new`)
    await page.getByTestId('rule-name-input').fill('E2E broken')
    await page.getByTestId('condition-editor').fill('{ "and": [{ "bogus": 1 }] }')
    await page.getByTestId('rule-save').click()
    const errors = page.getByTestId('condition-errors')
    await errors.waitFor()
    expect(await errors.textContent()).toContain('未知的运算符「bogus」')
    expect(page.url()).toMatch(/\/admin\/rules\/new$/)
  })
})

describe('points in the portal', () => {
  it('shows the balance, the next expiry and the history', async () => {
    const member = await api<{ id: string }>('GET', '/v1/members/demo-0012')
    await api('POST', '/v1/orders', { id: 'e2e-order-2', member: member.id, amount: 8800 })
    const balance = await api<Balance>('GET', `/v1/members/${member.id}/points`)
    const page = await e2e.openPortal(member.id)
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
