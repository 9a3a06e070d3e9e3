import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DESKTOP, setupE2e } from './support'

/*
 * Imports end to end (docs/import-export.md, "From the console"): an operator uploads a members
 * CSV with one bad phone, watches it run to done with one record rejected, reads the line and the
 * reason, downloads every reject; then uploads those members' orders, which earn points as orders
 * sent to the API do, and uploads them again, which changes nothing. The templates the page makes
 * import as they are; what the server refuses (a key without the admin role, a header without
 * the columns) is said in the reader's language.
 */

const e2e = setupE2e({ adminKey: 'lb_admin_browser_imports_key' })
const api = e2e.api

const SHOTS = join(import.meta.dirname, '../../../test-results')

/** A screenshot of a screen worth looking at, kept beside the failure screenshots. */
async function snap(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `imports-${name}.png`), fullPage: true })
}

const csv = (...lines: string[]) => `${lines.join('\n')}\n`

// Line 4 (the header is line 1) has a phone number that is not one.
const MEMBERS = csv(
  'external_id,name,phone,email,birthday,joined_at',
  'imp-0001,导入一号,13800000001,imp1@example.com,1990-05-01,2025-01-15',
  'imp-0002,导入二号,13800000002,,--08-20,',
  'imp-0003,导入三号,12345,,,',
)

// imp-o-1 is one order of two items (consecutive lines, one id): 258 points by the demo's
// 1 point per yuan; imp-o-2 has no items: 99 points.
const ORDERS = csv(
  'id,member,amount,occurred_at,channel,sku,category,quantity',
  'imp-o-1,imp-0001,25800,,store,SKU-BAG-1,bags,1',
  'imp-o-1,imp-0001,25800,,store,SKU-BAG-2,bags,2',
  'imp-o-2,imp-0002,9900,,online,,,',
)

interface Member {
  points: { available: number; pending: number }
  orders_count: number
}

const pointsOf = async (member: string) => {
  const { points } = await api<Member>('GET', `/v1/members/${member}`)
  return points.available + points.pending
}

async function openImports(page?: Page) {
  const signedIn = page ?? (await e2e.signIn())
  await signedIn.getByTestId('nav-imports').click()
  await signedIn.getByTestId('import-upload').waitFor()
  return signedIn
}

/** Drops a file on the page's upload, as choosing it in the file dialog does. */
async function upload(page: Page, name: string, content: string | Buffer) {
  await page
    .getByTestId('import-upload')
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) })
}

async function chooseKind(page: Page, label: string) {
  await page
    .getByTestId('import-upload')
    .locator('.ant-radio-button-wrapper', { hasText: label })
    .click()
}

/** The result card of the import of `file`, once it has ended. */
async function ended(page: Page, file: string) {
  const result = page.getByTestId('import-result')
  await expect.poll(() => result.getByTestId('import-file-name').textContent()).toBe(file)
  await expect
    .poll(() => result.getAttribute('data-status'), { timeout: 30_000 })
    .not.toBe('running')
  return result
}

const count = (page: Page, name: string) =>
  page.getByTestId('import-result').getByTestId(`import-count-${name}`).getAttribute('data-count')

describe('imports in the console', () => {
  it('imports members with a bad row, shows and downloads the reject, then their orders', async () => {
    const page = await openImports()
    expect(await page.getByTestId('import-columns').textContent()).toContain('external_id')

    // Hold the first reading of the import back, so that the upload's answer (running) shows.
    const reading = /\/v1\/imports\/imp_[^/?]+$/
    let held: Promise<void> | undefined
    await page.route(reading, (route) => {
      if (held) return route.continue()
      held = new Promise((resolve) => setTimeout(resolve, 1_500)).then(() => route.continue())
      return held
    })
    await upload(page, '会员.csv', MEMBERS)
    const result = page.getByTestId('import-result')
    await result.getByTestId('import-progress').waitFor()
    expect(await result.getAttribute('data-status')).toBe('running')
    expect(await result.getByTestId('import-status').textContent()).toBe('导入中')
    await held
    await page.unroute(reading)

    await ended(page, '会员.csv')
    expect(await result.getAttribute('data-status')).toBe('done')
    expect(await result.getByTestId('import-status').textContent()).toBe('已完成')
    expect(await result.getByTestId('import-outcome').textContent()).toBe('导入完成，1 行被拒绝')
    expect(await count(page, 'records')).toBe('3')
    expect(await count(page, 'imported')).toBe('2')
    expect(await count(page, 'unchanged')).toBe('0')
    expect(await count(page, 'rejected')).toBe('1')

    // The reject: its line, the reason in Chinese, the record as it was.
    const reject = result.getByTestId('import-reject-row')
    await reject.waitFor()
    expect(await reject.count()).toBe(1)
    expect(await reject.getByTestId('import-reject-line').textContent()).toBe('4')
    expect(await reject.getByTestId('import-reject-reason').textContent()).toBe(
      '手机号：“12345”不是中国大陆手机号或 E.164 格式的号码',
    )
    expect(await reject.getByTestId('import-reject-record').textContent()).toBe(
      'imp-0003,导入三号,12345,,,',
    )
    await page.waitForTimeout(300)
    await snap(page, 'members-done')

    // Every reject as CSV, fetched with the key.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      result.getByTestId('import-rejects-download').click(),
    ])
    expect(download.suggestedFilename()).toBe('会员-rejects.csv')
    const rejects = readFileSync(await download.path(), 'utf8')
    // A byte-order mark first, so that a spreadsheet reads the Chinese as UTF-8.
    expect(rejects.split('\n')[0]).toBe('\uFEFFline,error,record')
    expect(rejects).toContain('4,"phone: ""12345"" is not a mainland mobile number or E.164"')
    expect(rejects).toContain('imp-0003,导入三号,12345')

    // The members are in; the history lists the import.
    expect((await api<{ name: string }>('GET', '/v1/members/imp-0002')).name).toBe('导入二号')
    const history = page.getByTestId('import-row').filter({ hasText: '会员.csv' })
    await expect.poll(() => history.getAttribute('data-status')).toBe('done')

    // Their orders: two items of one order on two lines, and an order without items.
    await chooseKind(page, '订单')
    expect(await page.getByTestId('import-columns').textContent()).toContain('unit_price')
    await upload(page, 'orders.csv', ORDERS)
    await ended(page, 'orders.csv')
    expect(await result.getAttribute('data-status')).toBe('done')
    expect(await result.getByTestId('import-outcome').getAttribute('data-outcome')).toBe('success')
    expect(await count(page, 'imported')).toBe('2')
    expect(await count(page, 'rejected')).toBe('0')
    expect(await result.getByTestId('import-rejects').count()).toBe(0)
    expect(await pointsOf('imp-0001')).toBe(258)
    expect(await pointsOf('imp-0002')).toBe(99)
    expect((await api<Member>('GET', '/v1/members/imp-0001')).orders_count).toBe(1)
    await snap(page, 'orders-done')

    // In English: the history, and the members import opened again with its reject.
    await page.getByTestId('lang-switch').click()
    await expect.poll(() => history.getByTestId('import-status').textContent()).toBe('Done')
    await history.getByTestId('import-row-open').click()
    await expect.poll(() => result.getByTestId('import-file-name').textContent()).toBe('会员.csv')
    await expect
      .poll(() => result.getByTestId('import-reject-reason').first().textContent())
      .toBe('Phone: “12345” is not a mainland China mobile number or an E.164 number')
    expect(await result.getByTestId('import-outcome').textContent()).toBe(
      'Import done, with 1 rejected',
    )

    // The same orders again change nothing: both are unchanged, the points stay.
    await upload(page, 'orders.csv', ORDERS)
    await expect.poll(() => count(page, 'unchanged'), { timeout: 30_000 }).toBe('2')
    expect(await result.getAttribute('data-status')).toBe('done')
    expect(await count(page, 'imported')).toBe('0')
    expect(await result.getByTestId('import-outcome').textContent()).toBe('Import done')
    expect(await pointsOf('imp-0001')).toBe(258)
    const imports = await api<{ data: { file_name: string; unchanged: number }[] }>(
      'GET',
      '/v1/imports',
    )
    expect(imports.data.map((item) => item.file_name)).toEqual([
      'orders.csv',
      'orders.csv',
      '会员.csv',
    ])
  })

  it('makes templates that import as they are', async () => {
    const page = await openImports()
    for (const [kind, label] of [
      ['members', '会员'],
      ['orders', '订单'],
    ] as const) {
      await chooseKind(page, label)
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('import-template').click(),
      ])
      expect(download.suggestedFilename()).toBe(`loyalbase-${kind}-template.csv`)
      const template = readFileSync(await download.path())
      await upload(page, download.suggestedFilename(), template)
      const result = await ended(page, download.suggestedFilename())
      expect(await result.getAttribute('data-status')).toBe('done')
      expect(await count(page, 'rejected')).toBe('0')
      expect(await count(page, 'imported')).toBe('2')
    }
    expect(await pointsOf('M0001')).toBeGreaterThan(0)
  })

  it('says what is refused: a file that is not CSV, a header without the columns, a key without admin', async () => {
    const page = await openImports()
    await upload(page, 'members.xlsx', 'not a csv')
    expect(await page.getByTestId('import-file-problem').textContent()).toBe('请选择 .csv 文件。')

    await upload(page, 'bad-header.csv', csv('id,name', '1,x'))
    const result = await ended(page, 'bad-header.csv')
    expect(await result.getAttribute('data-status')).toBe('failed')
    expect(await result.getByTestId('import-failure').textContent()).toContain(
      '表头缺少 external_id, phone, email, birthday, joined_at 列',
    )

    // A server key may send orders, not files: the page says an admin key is needed.
    const server = await api<{ key: string }>('POST', '/v1/api-keys', {
      name: 'e2e imports server key',
      role: 'server',
    })
    const other = await e2e.openPage(DESKTOP)
    await other.goto(`${e2e.base()}/admin`)
    await other.getByTestId('signin-key-input').fill(server.key)
    await other.getByTestId('signin-submit').click()
    await other.getByTestId('members-table').waitFor()
    await openImports(other)
    await upload(other, 'members.csv', MEMBERS)
    const refusal = other.getByTestId('import-upload-error')
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain('此操作需要 admin 角色的密钥')
    await other.getByTestId('lang-switch').click()
    await expect.poll(() => refusal.textContent()).toContain('sign in with an admin key')
    await snap(other, 'forbidden')
  })
})
