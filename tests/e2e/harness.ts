/**
 * The e2e world: the H5 build (built once if missing or stale) and the real cloud function on in-memory PGlite,
 * served from one local server like `npm start`, and Debian's Chromium driven by playwright-core.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { createApp, type App } from '../../cloud/app'
import { snapshotH5 } from '../../scripts/lib/h5-build'
import { staticFiles } from '../../scripts/lib/static'

export const root = path.resolve(__dirname, '..', '..')
export const screenshotDir = path.join(root, 'docs', 'screenshots')

export interface World {
  app: App
  url: string
  browser: Browser
  close(): Promise<void>
}

export async function startWorld(): Promise<World> {
  const h5 = await snapshotH5({ quiet: true })
  const app = await createApp({ databaseUrl: 'memory', env: { SPLITPAY_MODE: 'dev' } }, { fallback: staticFiles(h5) })
  const { url } = await app.listen(0)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
  })
  return {
    app,
    url: `${url}/`,
    browser,
    async close() {
      await browser.close()
      await app.close()
      fs.rmSync(h5, { recursive: true, force: true })
    }
  }
}

/**
 * One world for the whole test file: started before the first test, closed after the last.
 * The returned object is filled in by beforeAll, so read its fields inside tests only.
 */
export function worldPerFile(): World {
  const world = {} as World
  beforeAll(async () => {
    Object.assign(world, await startWorld())
  }, 300_000)
  afterAll(async () => {
    await world.close?.()
  })
  return world
}

/** A phone: 390x844 at 2x, Chinese. */
export async function phone(world: World, locale = 'zh-CN', colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale, isMobile: true, hasTouch: true, colorScheme })
  const page = await context.newPage()
  page.on('pageerror', (e) => console.error('[page error]', e.message))
  return { context, page }
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true })
  await page.waitForTimeout(400) // let transitions settle
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) })
}

/** The visible element with this test id (Taro's H5 router keeps earlier pages of the stack in the DOM, hidden). */
export const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible`).first()

/** Types into a Taro Input (a custom element wrapping a native input). */
export async function fill(page: Page, testId: string, value: string): Promise<void> {
  const input = page.locator(`[data-testid="${testId}"]:visible input, input[data-testid="${testId}"]:visible`).first()
  await input.fill(value)
  // Taro's H5 input re-emits the native event as its own; let it reach the page before the next action
  await page.waitForTimeout(60)
  const now = await input.inputValue()
  if (now !== value) throw new Error(`input ${testId} holds ${JSON.stringify(now)}, expected ${JSON.stringify(value)}`)
}

/** Waits until the offline queue in storage is empty: the function accepted every write. */
export async function drained(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const raw = window.localStorage.getItem('splitpay.queue')
    if (!raw) return true
    const outer = JSON.parse(raw) as { data?: string }
    const inner = JSON.parse(outer.data ?? raw) as { state?: { items?: unknown[] } }
    return (inner.state?.items ?? []).length === 0
  }, undefined, { timeout: 15_000 })
}

/** A member's id, read from a chip whose test id is `<prefix>-<memberId>` and whose text is the name. */
export async function memberId(page: Page, prefix: string, name: string): Promise<string> {
  const chip = page.locator(`[data-testid^="${prefix}-"]:visible`, { hasText: name }).first()
  const id = await chip.getAttribute('data-testid')
  if (!id) throw new Error(`no ${prefix} chip for ${name}`)
  return id.slice(prefix.length + 1)
}

/** Signs in on the H5 sign-in gate under `name` and returns the session token the app stored. */
export async function signInAs(page: Page, name: string): Promise<string> {
  await fill(page, 'signin-name', name)
  await byTestId(page, 'signin-submit').click()
  await page.waitForFunction(() => (window.localStorage.getItem('splitpay.session') ?? '').includes('token'))
  const raw = await page.evaluate(() => window.localStorage.getItem('splitpay.session')!)
  const outer = JSON.parse(raw) as { data?: string }
  return (JSON.parse(outer.data ?? raw) as { state: { token: string } }).state.token
}

/** Calls an action of the world's function over HTTP, as another client would (seeding data); '' for no token. */
export async function callAs<T>(world: World, action: string, input: unknown, token: string): Promise<T> {
  const res = await fetch(`${world.url}api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, input })
  })
  const body = (await res.json()) as { ok: boolean; data: T }
  if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body)}`)
  return body.data
}

/** A fresh client id for seeded writes. */
export const seedId = (): string => `c${Math.random().toString(36).slice(2, 14)}`
