import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { PHONE, setupE2e } from './support'

const e2e = setupE2e({ adminKey: 'lb_admin_browser_appointments_key' })
const api = e2e.api

const SHOTS = join(import.meta.dirname, '../../../test-results')

async function snap(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `appointments-${name}.png`), fullPage: true })
}

interface Program {
  timezone: string
}
interface Member {
  id: string
  external_id: string
}

/** Tomorrow on the program's wall clock, as `YYYY-MM-DD`. */
function tomorrowIn(timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + 24 * 3_600_000))
  return parts
}

describe('appointments and exclusive events', () => {
  it('an operator adds a slot, a member books it in the portal, the operator sees the booking (中文)', async () => {
    const program = await api<Program>('GET', '/v1/program')
    const member = await api<Member>('GET', '/v1/members/demo-0041')
    const day = tomorrowIn(program.timezone)

    // The operator adds a slot for tomorrow, 14:00 to 15:00, two places.
    const page = await e2e.signIn()
    await page.getByTestId('nav-benefits').click()
    await page.getByTestId('benefits-tab-appointments').click()
    await page.getByTestId('appointments-calendar').waitFor()
    await page.getByTestId('slot-add').click()
    await page.getByTestId('slot-service').fill('E2E 私人造型')
    await page.getByTestId('slot-starts-at').fill(`${day}T14:00`)
    await page.getByTestId('slot-ends-at').fill(`${day}T15:00`)
    await page.getByTestId('slot-capacity').fill('2')
    await page.getByTestId('slot-form-submit').click()
    const slotCard = page
      .getByTestId(`calendar-day-${day}`)
      .getByTestId('calendar-slot')
      .filter({ hasText: 'E2E 私人造型' })
    await expect
      .poll(() => page.getByTestId(`calendar-day-${day}`).textContent(), { timeout: 20_000 })
      .toContain('E2E 私人造型')
    expect(await slotCard.first().getByTestId('calendar-slot-places').textContent()).toBe(
      '已约 0 / 2',
    )
    await snap(page, 'calendar-zh')

    // The member books it in the portal.
    const portal = await e2e.openPortal(member.id, PHONE)
    const slotRow = portal.getByTestId('portal-slot').filter({ hasText: 'E2E 私人造型' })
    await slotRow.waitFor()
    await slotRow.getByTestId('portal-slot-book').click()
    await expect
      .poll(() => portal.getByTestId('portal-appointments').textContent(), { timeout: 20_000 })
      .toContain('E2E 私人造型')
    await portal.getByTestId('portal-appointment').filter({ hasText: 'E2E 私人造型' }).waitFor()
    expect(await slotRow.textContent()).toContain('已预约')
    await snap(portal, 'portal-zh')

    // The operator sees the booking on the calendar and in the slot's list.
    await page.getByTestId('calendar-next').click()
    await page.getByTestId('calendar-previous').click()
    await expect
      .poll(() => slotCard.getByTestId('calendar-slot-places').textContent())
      .toBe('已约 1 / 2')
    await slotCard.click()
    const drawer = page.getByTestId('slot-drawer')
    await drawer.waitFor()
    await expect
      .poll(() => drawer.getByTestId('slot-bookings').textContent())
      .toContain(member.external_id)
    expect(await drawer.getByTestId('slot-bookings').textContent()).toContain('会员自助')
    await snap(page, 'slot-bookings-zh')

    // Staff cancels it; the member's list empties.
    await drawer.getByTestId('slot-booking-cancel').click()
    await expect
      .poll(() => drawer.getByTestId('slot-bookings').textContent())
      .not.toContain(member.external_id)
    const bookings = await api<{ data: { status: string }[] }>(
      'GET',
      `/v1/members/${member.id}/appointments`,
    )
    expect(bookings.data.map((b) => b.status)).toEqual(['cancelled'])
  })

  it('an operator creates an event, a member answers in the portal, the attendee list shows it', async () => {
    const tiers = await api<{ tiers: { key: string; name: string }[] }>('GET', '/v1/tiers')
    const top = tiers.tiers.at(-1) as { key: string; name: string }
    const member = await api<Member>('GET', '/v1/members/demo-0042')
    await api('PUT', `/v1/members/${member.id}/tier`, { tier: top.key, reason: 'e2e' })
    const program = await api<Program>('GET', '/v1/program')
    const day = tomorrowIn(program.timezone)

    const page = await e2e.signIn()
    await page.getByTestId('nav-benefits').click()
    await page.getByTestId('benefits-tab-events').click()
    await page.getByTestId('exclusive-events-panel').waitFor()
    await page.getByTestId('exclusive-event-create').click()
    await page.getByTestId('event-title').fill('E2E 新品预览会')
    await page.getByTestId('event-starts-at').fill(`${day}T19:00`)
    await page.getByTestId('event-capacity').fill('5')
    const select = page.getByTestId('event-tiers')
    await select.click()
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: top.name,
      })
      .first()
      .click()
    await page.keyboard.press('Escape')
    await page.getByTestId('event-form-submit').click()
    const row = page.getByTestId('exclusive-events-table').locator('tbody tr', {
      hasText: 'E2E 新品预览会',
    })
    await row.waitFor({ timeout: 20_000 })
    const invited = Number(await row.getByTestId('exclusive-event-invited').textContent())
    expect(invited).toBeGreaterThanOrEqual(1)

    const portal = await e2e.openPortal(member.id, PHONE)
    const invitation = portal.getByTestId('portal-event').filter({ hasText: 'E2E 新品预览会' })
    await invitation.waitFor()
    expect(await invitation.getByTestId('portal-event-state').textContent()).toContain('您已受邀')
    await invitation.getByTestId('portal-event-attend').click()
    await expect
      .poll(() => invitation.getByTestId('portal-event-state').textContent())
      .toContain('已报名参加')

    await page.reload()
    await page.getByTestId('benefits-tab-events').click()
    const again = page.getByTestId('exclusive-events-table').locator('tbody tr', {
      hasText: 'E2E 新品预览会',
    })
    await expect
      .poll(() => again.getByTestId('exclusive-event-attending').textContent())
      .toBe('1 / 5')
    await again.getByTestId('exclusive-event-link').click()
    await expect
      .poll(() => page.getByTestId('attendees-yes').textContent())
      .toContain(member.external_id)
    await snap(page, 'attendees-zh')
  })
})
