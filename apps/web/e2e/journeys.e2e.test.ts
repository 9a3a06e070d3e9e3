import { describe, expect, it } from 'vitest'
import { DESKTOP, digits, setupE2e } from './support'

const e2e = setupE2e({ adminKey: 'lb_admin_browser_journeys_key' })

describe('admin console', () => {
  it('signs in with a program key, finds a member and opens the detail', async () => {
    const page = await e2e.openPage(DESKTOP)
    await page.goto(`${e2e.base()}/admin`)
    await page.getByTestId('signin-key-input').fill('lb_sk_wrong')
    await page.getByTestId('signin-submit').click()
    await expect.poll(() => page.getByTestId('signin-key-input').isVisible()).toBe(true)
    // The refusal reads in the UI's language; the server's own words wait under "details".
    const refusal = page.getByTestId('signin-error')
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain('密钥无效、已被撤销或已过期')
    await refusal.getByText('详情').click()
    expect(await refusal.getByTestId('problem-details').textContent()).toContain(
      'HTTP 401 unauthorized',
    )

    await page.getByTestId('signin-key-input').fill(e2e.demoKey)
    await page.getByTestId('signin-submit').click()
    await page.getByTestId('members-table').waitFor()

    // demo-0007 is one of the deterministic demo members.
    const member = await e2e.api<{ id: string; name: string; phone: string }>(
      'GET',
      '/v1/members/demo-0007',
    )
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
    const member = await e2e.api<{
      id: string
      name: string
      tier: { name: string }
      points: { available: number }
    }>('GET', '/v1/members/demo-0003')
    const page = await e2e.openPortal(member.id)
    expect(await page.getByTestId('portal-member-name').textContent()).toContain(member.name)
    expect(await page.getByTestId('portal-tier-name').textContent()).toContain(member.tier.name)
    expect(digits(await page.getByTestId('portal-points').textContent())).toBe(
      String(member.points.available),
    )
    // The token left the address bar once it was read.
    expect(page.url()).not.toContain('token=')
  })

  it('is reached from the console: "open portal as this member"', async () => {
    const page = await e2e.signIn(DESKTOP)
    await page.getByTestId('members-table').locator('tbody tr').first().click()
    await page.getByTestId('member-detail').waitFor()
    const name = (await page.getByTestId('member-detail-name').textContent()) ?? ''
    const [portal] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByTestId('open-portal-button').click(),
    ])
    await portal.getByTestId('portal-card').waitFor()
    expect((await portal.getByTestId('portal-member-name').textContent())?.trim()).toBe(name.trim())
  })
})
