import { mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupE2e } from './support'

/*
 * Webhooks end to end (docs/webhooks.md): an operator subscribes a receiver of this test to
 * member.created, sees the secret once, watches the server's own sender deliver a new member's
 * event, opens its attempts, and resends it — the receiver gets the same event id twice. A
 * link-local URL is refused by the server, and the console says so on the URL field.
 */

const e2e = setupE2e({ adminKey: 'lb_admin_browser_webhooks_key' })
const api = e2e.api

const SHOTS = join(import.meta.dirname, '../../../test-results')

/** A screenshot of a screen worth looking at, kept beside the failure screenshots. */
async function snap(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `webhooks-${name}.png`), fullPage: true })
}

interface Received {
  headers: Record<string, string | string[] | undefined>
  json: { id: string; type: string; data: Record<string, unknown> }
}

/** A webhook endpoint on a port of its own that answers 200 and keeps what it was sent. */
const received: Received[] = []
let receiver: Server | undefined
let receiverUrl = ''

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({
        headers: request.headers,
        json: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      })
      response.writeHead(200, { 'content-type': 'text/plain' })
      response.end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver?.listen(0, '127.0.0.1', resolve))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`
})

afterAll(async () => {
  receiver?.closeAllConnections()
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()))
})

/** Picks an option of an antd multiple select by its text, then closes the list. */
async function pick(page: Page, select: Locator, text: string) {
  await select.click()
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
  await open.locator('.ant-select-item-option', { hasText: text }).first().click()
  await page.keyboard.press('Escape')
  await expect.poll(() => select.textContent()).toContain(text)
}

async function openWebhooks() {
  const page = await e2e.signIn()
  await page.getByTestId('nav-webhooks').click()
  await page.getByTestId('webhooks-table').waitFor()
  return page
}

/** The form item's error under the URL input. */
const urlError = (page: Page) =>
  page
    .locator('.ant-form-item')
    .filter({ has: page.getByTestId('webhook-url') })
    .locator('.ant-form-item-explain-error')

describe('webhooks in the console', () => {
  it('subscribes a receiver, shows the secret once, follows a delivery and resends it', async () => {
    const page = await openWebhooks()
    await page.getByTestId('webhook-create').click()
    await page.getByTestId('webhook-url').fill(receiverUrl)
    await pick(page, page.getByTestId('webhook-events'), '会员入会')
    await page.getByTestId('webhook-description').fill('E2E 接收端')
    await page.getByTestId('webhook-save').click()

    // The secret, once, with its warning.
    const modal = page.getByTestId('webhook-secret-modal')
    await modal.waitFor()
    const secret = (await page.getByTestId('webhook-secret').textContent()) ?? ''
    expect(secret).toMatch(/^whsec_/)
    expect(await modal.textContent()).toContain('只显示这一次')
    // The modal's opening animation, for the screenshot.
    await page.waitForTimeout(500)
    await snap(page, 'secret')
    await page.getByTestId('webhook-secret-done').click()
    await modal.waitFor({ state: 'hidden' })

    const row = page.getByTestId('webhook-row').filter({ hasText: receiverUrl })
    await row.waitFor()
    expect(await row.textContent()).toContain('会员入会')
    const webhooks = await api<{ data: { id: string; url: string; events: string[] }[] }>(
      'GET',
      '/v1/webhooks',
    )
    expect(webhooks.data).toEqual([
      expect.objectContaining({ url: receiverUrl, events: ['member.created'] }),
    ])

    // A member joins; the server's sender posts the event (drained here to be quick).
    const member = await api<{ id: string }>('POST', '/v1/members', {
      external_id: 'e2e-webhook-0001',
      name: '推送测试',
    })
    await e2e.server.webhookSender.drain()
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1)
    const [first] = received
    expect(first?.json).toMatchObject({ type: 'member.created', data: { member: member.id } })
    expect(first?.headers['loyalbase-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)

    // The log shows it delivered, answered 200; the counts follow.
    await row.getByTestId('webhook-log-open').click()
    const log = page.getByTestId('delivery-log')
    await log.waitFor()
    const delivery = log.getByTestId('delivery-row').first()
    await expect
      .poll(
        async () => {
          await page.getByTestId('deliveries-refresh').click()
          return delivery.getAttribute('data-status')
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe('delivered')
    expect(await delivery.getByTestId('delivery-status').textContent()).toBe('已送达')
    expect(await delivery.getByTestId('delivery-response-code').textContent()).toBe('200')
    expect(await delivery.textContent()).toContain(first?.json.id)
    await expect
      .poll(() => row.getByTestId('webhook-count-delivered').getAttribute('data-count'))
      .toBe('1')

    // The drawer: the payload and the attempt that answered 200.
    await delivery.getByTestId('delivery-open').click()
    const drawer = page.getByTestId('delivery-drawer')
    await drawer.getByTestId('delivery-attempt').first().waitFor()
    expect(await drawer.getByTestId('delivery-attempt-code').first().textContent()).toContain('200')
    const payload = JSON.parse((await drawer.getByTestId('delivery-payload').textContent()) ?? '')
    expect(payload).toMatchObject({ id: first?.json.id, type: 'member.created' })
    await page.waitForTimeout(500)
    await snap(page, 'drawer')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // Resend: the receiver gets the same event (same id) a second time.
    await delivery.getByTestId('delivery-resend').click()
    await e2e.server.webhookSender.drain()
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(2)
    expect(received[1]?.json.id).toBe(first?.json.id)
    await expect
      .poll(() => delivery.getByTestId('delivery-attempts-count').textContent(), {
        timeout: 20_000,
      })
      .toBe('2')
    expect(await delivery.getAttribute('data-status')).toBe('delivered')
    await snap(page, 'log')

    // In English: the statuses and the help read in the reader's language.
    await page.getByTestId('lang-switch').click()
    await expect.poll(() => delivery.getByTestId('delivery-status').textContent()).toBe('Delivered')
    expect(await page.getByTestId('webhooks-help').textContent()).toContain('Loyalbase-Signature')
    expect(await page.getByTestId('webhooks-help').textContent()).toContain('De-duplicate')

    // Rolling the secret shows a new one, once.
    await row.getByTestId('webhook-roll').click()
    await page.getByTestId('webhook-roll-confirm').click()
    await modal.waitFor()
    expect(await modal.textContent()).toContain('shown only this once')
    const rolled = (await page.getByTestId('webhook-secret').textContent()) ?? ''
    expect(rolled).toMatch(/^whsec_/)
    expect(rolled).not.toBe(secret)
    await page.getByTestId('webhook-secret-done').click()
  })

  it('puts the server’s refusal of a link-local URL on the URL field, then deletes a webhook', async () => {
    const page = await openWebhooks()
    await page.getByTestId('webhook-create').click()
    await page.getByTestId('webhook-url').fill('http://169.254.169.254/')
    await pick(page, page.getByTestId('webhook-events'), '全部事件')
    await page.getByTestId('webhook-save').click()
    await expect.poll(() => urlError(page).textContent()).toContain('链路本地地址')
    await page.waitForTimeout(500)
    await snap(page, 'link-local')

    // The same refusal in English.
    await page.keyboard.press('Escape')
    await page.getByTestId('webhook-form').waitFor({ state: 'hidden' })
    await page.getByTestId('lang-switch').click()
    await page.getByTestId('webhook-create').click()
    await page.getByTestId('webhook-url').fill('http://169.254.169.254/latest/meta-data')
    await pick(page, page.getByTestId('webhook-events'), 'All events')
    await page.getByTestId('webhook-save').click()
    await expect.poll(() => urlError(page).textContent()).toContain('link-local address')

    // With a URL it accepts, the webhook is made; then deleted after confirming.
    await page.getByTestId('webhook-url').fill(`${receiverUrl}/all`)
    await page.getByTestId('webhook-save').click()
    await page.getByTestId('webhook-secret-done').click()
    const row = page.getByTestId('webhook-row').filter({ hasText: `${receiverUrl}/all` })
    await row.waitFor()
    expect(await row.textContent()).toContain('All events')
    await row.getByTestId('webhook-delete').click()
    await page.getByTestId('webhook-delete-confirm').click()
    await row.waitFor({ state: 'detached' })
    const left = await api<{ data: { url: string }[] }>('GET', '/v1/webhooks')
    expect(left.data.map((webhook) => webhook.url)).not.toContain(`${receiverUrl}/all`)
  })
})
