import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig } from '@loyalbase/config'
import { type RunningServer, startServer } from '@loyalbase/server'
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'

/**
 * What the browser journeys share: a server on an in-memory database serving the built app
 * (`npm run build -w @loyalbase/web` first), one Chromium, a screenshot of the page when a
 * journey fails, and calls to the API in-process with the demo program's admin key.
 */

const WEB_DIST = join(import.meta.dirname, '../dist')
const RESULTS = join(import.meta.dirname, '../../../test-results')

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } }
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface E2e {
  readonly server: RunningServer
  readonly browser: Browser
  /** The demo program's admin key, to sign in and to call the API. */
  readonly demoKey: string
  /** The running journey's page; closed after each test (screenshot first if it failed). */
  readonly page: Page
  /** The server's origin, e.g. `http://127.0.0.1:41234`. */
  base(): string
  /** Calls the API in-process as the demo program's admin; throws on 4xx and 5xx. */
  api<T>(method: Method, url: string, body?: unknown): Promise<T>
  /** A fresh browser context and page, which becomes `page`. */
  openPage(options?: BrowserContextOptions): Promise<Page>
  /** Opens the console and signs in with the demo key (desktop size unless told). */
  signIn(options?: BrowserContextOptions): Promise<Page>
  /** Opens the portal as a member through a session link (phone size unless told). */
  openPortal(member: string, options?: BrowserContextOptions): Promise<Page>
}

export interface E2eOptions {
  /** The operator key of this file's server (each file runs its own). */
  adminKey: string
  /** Runs once the server is up, before any journey (e.g. a points policy). */
  prepare?: (e2e: E2e) => Promise<void>
}

/** Registers the hooks that start and stop the server and browser; call at a file's top. */
export function setupE2e(options: E2eOptions): E2e {
  let server: RunningServer | undefined
  let browser: Browser | undefined
  let page: Page | undefined

  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready (setupE2e's beforeAll)`)
    return value
  }

  const e2e: E2e = {
    get server() {
      return required(server, 'the server')
    },
    get browser() {
      return required(browser, 'the browser')
    },
    get demoKey() {
      const demo = required(server, 'the server').demo
      if (!demo) throw new Error('the demo program was not created')
      return demo.adminKey
    },
    get page() {
      return required(page, 'the page')
    },
    base: () => e2e.server.url.replace('localhost', '127.0.0.1'),
    async api<T>(method: Method, url: string, body?: unknown): Promise<T> {
      const response = await e2e.server.app.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${e2e.demoKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      })
      if (response.statusCode >= 400) throw new Error(`${method} ${url}: ${response.body}`)
      return response.json() as T
    },
    async openPage(contextOptions = DESKTOP) {
      const context = await e2e.browser.newContext(contextOptions)
      page = await context.newPage()
      return page
    },
    async signIn(contextOptions = DESKTOP) {
      const signedIn = await e2e.openPage(contextOptions)
      await signedIn.goto(`${e2e.base()}/admin`)
      await signedIn.getByTestId('signin-key-input').fill(e2e.demoKey)
      await signedIn.getByTestId('signin-submit').click()
      await signedIn.getByTestId('members-table').waitFor()
      return signedIn
    },
    async openPortal(member: string, contextOptions = PHONE) {
      const session = await e2e.api<{ url: string }>(
        'POST',
        `/v1/members/${encodeURIComponent(member)}/portal-sessions`,
        {},
      )
      const link = new URL(session.url)
      const portal = await e2e.openPage(contextOptions)
      await portal.goto(`${e2e.base()}${link.pathname}${link.hash}`)
      await portal.getByTestId('portal-card').waitFor()
      return portal
    },
  }

  beforeAll(async () => {
    server = await startServer({
      ...loadConfig({}),
      databaseUrl: 'pglite:memory',
      port: 0,
      host: '127.0.0.1',
      adminKey: options.adminKey,
      logLevel: 'warn',
      schedulerIntervalMs: 0,
      webDist: WEB_DIST,
    })
    if (!server.demo) throw new Error('the demo program was not created')
    await options.prepare?.(e2e)
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  afterEach(async (context) => {
    // A failed journey leaves a screenshot behind to look at.
    if (context.task.result?.state === 'fail' && page) {
      mkdirSync(RESULTS, { recursive: true })
      const name = context.task.name.replace(/[^a-z0-9]+/gi, '-')
      await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true })
    }
    await page?.context().close()
    page = undefined
  })

  return e2e
}

/** Only the digits of a text: `¥1,234` → `1234`. */
export const digits = (text: string | null) => text?.replace(/\D/g, '') ?? ''
