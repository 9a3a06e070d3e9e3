import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { digits, setupE2e } from './support'

const e2e = setupE2e({ adminKey: 'lb_admin_browser_tiers_key' })

interface TierStatus {
  tier: { key: string }
  metric: { value: number }
  next: { key: string; remaining: number } | null
}

/** Fills row `index` of the ladder editor (colour through the picker's hex input). */
async function fillRow(
  page: Page,
  index: number,
  row: { key: string; name: string; nameEn: string; threshold?: string; color?: string },
) {
  const tr = page.getByTestId('tier-row').nth(index)
  await tr.getByTestId('tier-key-input').fill(row.key)
  await tr.getByTestId('tier-name-input').fill(row.name)
  await tr.getByTestId('tier-name-en-input').fill(row.nameEn)
  if (row.threshold !== undefined) await tr.getByTestId('tier-threshold-input').fill(row.threshold)
  if (row.color) {
    await tr.getByTestId('tier-color').click()
    const hex = page.locator('.ant-popover:visible .ant-color-picker-hex-input input')
    await hex.fill(row.color.replace('#', ''))
    await page.keyboard.press('Escape')
    await expect
      .poll(async () => (await tr.getByTestId('tier-color').textContent())?.toLowerCase())
      .toContain(row.color)
  }
}

/** `YYYY-MM-DDTHH:mm` of an instant in Asia/Shanghai, for a datetime-local input. */
function shanghaiInput(instant: Date) {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(instant)
    .replace(' ', 'T')
}

describe('tiers', () => {
  it('rebuilds the ladder, re-evaluates, shows progress, overrides, and colours the portal card', async () => {
    const start = await e2e.api<{ tiers: { count: number }[] }>('GET', '/v1/tiers/distribution')
    const members = start.tiers.reduce((sum, tier) => sum + tier.count, 0)
    const page = await e2e.signIn()
    await page.getByTestId('nav-tiers').click()
    await page.getByTestId('ladder-editor').waitFor()

    // Policy: spend over the demo's twelve months, reviewed at the period's end with grace.
    await page.getByTestId('ladder-downgrade-period_end').click()
    await page.getByTestId('ladder-grace-days').fill('30')

    // The demo's four tiers become three: normal → silver → gold. All but the first row go;
    // gold is added before silver and moved down, and its key is first typed wrong: the row
    // shows the problem.
    await expect.poll(() => page.getByTestId('tier-row').count()).toBe(4)
    for (const row of [3, 2, 1]) {
      await page.getByTestId('tier-row').nth(row).getByTestId('tier-remove').click()
    }
    await expect.poll(() => page.getByTestId('tier-row').count()).toBe(1)
    await fillRow(page, 0, { key: 'normal', name: '普通会员', nameEn: 'Member' })
    await page.getByTestId('tier-add').click()
    await fillRow(page, 1, {
      key: 'Gold',
      name: '金卡',
      nameEn: 'Gold',
      threshold: '5000',
      color: '#d4a017',
    })
    await page.getByTestId('tier-add').click()
    await fillRow(page, 2, {
      key: 'silver',
      name: '银卡',
      nameEn: 'Silver',
      threshold: '1000',
      color: '#9ca3af',
    })
    await page.getByTestId('tier-row').nth(2).getByTestId('tier-move-up').click()
    await page.getByTestId('ladder-save').click()
    const keyError = page.getByTestId('tier-row').nth(2).getByTestId('tier-row-error')
    await keyError.waitFor()
    expect(await keyError.textContent()).toContain('小写字母开头')
    await page.getByTestId('tier-row').nth(2).getByTestId('tier-key-input').fill('gold')

    await page.getByTestId('ladder-save').click()
    await page.getByTestId('reevaluation-done').waitFor({ timeout: 30_000 })
    // Every demo member, those of the tiers that went included.
    expect(await page.getByTestId('reevaluation-done').textContent()).toContain(
      `${members.toLocaleString('zh-CN')} 位会员`,
    )
    const ladder = await e2e.api<{ tiers: { key: string; threshold: number; color?: string }[] }>(
      'GET',
      '/v1/tiers',
    )
    expect(ladder.tiers).toEqual([
      { key: 'normal', name: '普通会员', name_en: 'Member', threshold: 0 },
      { key: 'silver', name: '银卡', name_en: 'Silver', threshold: 100000, color: '#9ca3af' },
      { key: 'gold', name: '金卡', name_en: 'Gold', threshold: 500000, color: '#d4a017' },
    ])

    // The distribution: the chart and its table, counts as the API has them.
    await page.getByTestId('tier-distribution-chart').locator('canvas').waitFor()
    const distribution = await e2e.api<{ tiers: { key: string; count: number }[] }>(
      'GET',
      '/v1/tiers/distribution',
    )
    const table = page.getByTestId('distribution-table')
    await expect.poll(() => table.textContent()).toContain('金卡')
    const total = distribution.tiers.reduce((sum, tier) => sum + tier.count, 0)
    expect(await page.getByTestId('distribution-total').textContent()).toBe(String(total))

    // An order that lifts a normal member to silver, ¥3,800 short of gold.
    const normal = await e2e.api<{ data: { id: string }[] }>('GET', '/v1/members?tier=normal')
    const memberId = normal.data[0]?.id
    if (!memberId) throw new Error('the demo should have a member below silver')
    const before = await e2e.api<TierStatus>('GET', `/v1/members/${memberId}/tier`)
    const order = await e2e.api<{ effects: { tier_change?: { from: string; to: string } } }>(
      'POST',
      '/v1/orders',
      { id: 'e2e-tier-order', member: memberId, amount: 120000 - before.metric.value },
    )
    expect(order.effects.tier_change).toEqual({ from: 'normal', to: 'silver' })

    await page.goto(`${e2e.base()}/admin/members/${memberId}`)
    const card = page.getByTestId('member-tier')
    await card.waitFor()
    await expect.poll(() => card.getByTestId('member-tier-current').textContent()).toBe('银卡')
    expect(await card.getByTestId('member-tier-next').textContent()).toBe('再消费 ¥3,800 升级金卡')
    expect(await card.getByTestId('member-tier-retain').textContent()).toMatch(
      /^保级：到 .+ 前需达到 ¥1,000$/,
    )
    expect(await card.getByTestId('member-tier-history').textContent()).toContain('升级')

    // A manual override to gold, with an end and a reason: the history says so.
    await card.getByTestId('tier-override-button').click()
    await page.getByTestId('tier-override-select').click()
    await page.locator('.ant-select-item-option', { hasText: '金卡' }).click()
    await page
      .getByTestId('tier-override-until')
      .fill(shanghaiInput(new Date(Date.now() + 90 * 86_400_000)))
    await page.getByTestId('tier-override-submit').click()
    await page.getByText('请填写调整原因').waitFor()
    await page.getByTestId('tier-override-reason').fill('E2E VIP 保留金卡')
    await page.getByTestId('tier-override-submit').click()
    await expect.poll(() => card.getByTestId('member-tier-current').textContent()).toBe('金卡')
    expect(await card.getByTestId('member-tier-override').textContent()).toContain('手动指定')
    const latest = card.getByTestId('member-tier-history-row').first()
    expect(await latest.textContent()).toContain('手动调整')
    expect(await latest.textContent()).toContain('E2E VIP 保留金卡')
    // The profile above shows the new tier in its colour too.
    await expect
      .poll(() => page.getByTestId('member-detail').locator('[data-tier="gold"]').count())
      .toBe(1)

    // The portal: the card in gold, the tier kept by the override until its end.
    const portal = await e2e.openPortal(memberId)
    const portalCard = portal.getByTestId('portal-card')
    await expect.poll(() => portalCard.getAttribute('data-color')).toBe('#d4a017')
    // The gradient is what the card actually paints (e2e code is typed without the DOM).
    type Styles = { getComputedStyle: (node: unknown) => { backgroundImage: string } }
    const painted = await portalCard.evaluate(
      (node) => (globalThis as unknown as Styles).getComputedStyle(node).backgroundImage,
    )
    expect(painted).toContain('rgb(212, 160, 23)')
    expect(await portal.getByTestId('portal-tier-name').textContent()).toBe('金卡')
    expect(await portal.getByTestId('portal-tier-next').textContent()).toBe('已是最高等级')
    expect(await portal.getByTestId('portal-tier-retain').textContent()).toContain('当前等级保留至')
  })

  it('shows a silver member the way to gold and what keeps silver, in the portal', async () => {
    const silver = await e2e.api<{ data: { id: string }[] }>('GET', '/v1/members?tier=silver')
    const memberId = silver.data[0]?.id
    if (!memberId) throw new Error('the ladder should have a silver member')
    const status = await e2e.api<TierStatus>('GET', `/v1/members/${memberId}/tier`)
    const portal = await e2e.openPortal(memberId)
    await expect
      .poll(() => portal.getByTestId('portal-card').getAttribute('data-color'))
      .toBe('#9ca3af')
    const remaining = status.next?.remaining ?? 0
    const next = await portal.getByTestId('portal-tier-next').textContent()
    expect(next).toMatch(/^再消费 ¥[\d,.]+ 升级金卡$/)
    // Whole yuan show without the fen: ¥3,800, ¥2,160.50.
    expect(digits(next)).toBe(String(remaining % 100 === 0 ? remaining / 100 : remaining))
    expect(await portal.getByTestId('portal-tier-retain').textContent()).toMatch(
      /^保级：到 .+ 前需达到 ¥1,000$/,
    )
  })

  it('puts a 400 from the server on the row and field its path names', async () => {
    const page = await e2e.signIn()
    // What the server answers for a problem only it can see (here: a reserved key).
    await page.route('**/v1/tiers', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 400,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              title: 'Invalid request',
              status: 400,
              code: 'invalid_request',
              detail: 'tiers[1].key: is reserved',
              errors: [{ path: 'tiers[1].key', message: 'is reserved' }],
            }),
          })
        : route.fallback(),
    )
    await page.getByTestId('nav-tiers').click()
    await page.getByTestId('ladder-editor').waitFor()
    await page.getByTestId('tier-row').first().getByTestId('tier-key-input').waitFor()
    await page.getByTestId('ladder-save').click()
    const error = page.getByTestId('tier-row').nth(1).getByTestId('tier-row-error')
    await error.waitFor()
    expect(await error.textContent()).toBe('is reserved')
    // Editing makes the server's verdict stale: it goes.
    await page.getByTestId('tier-row').nth(1).getByTestId('tier-key-input').fill('silver2')
    await expect.poll(() => error.count()).toBe(0)
  })
})
