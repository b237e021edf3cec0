// What the browser stories share: a `test` that fails on any Content Security Policy violation,
// the demo logins, and the sandbox's control API on the e2e stack.
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test'
import { DEMO_MERCHANTS, DEMO_STAFF, type DemoMerchant, type DemoRole } from '../scripts/demo/catalogue'
import { SandboxControl } from '../scripts/lib/sandbox-control'
import { E2E_SANDBOX_PORT } from './ports'

/**
 * Every story runs with the app's real CSP, and any violation fails it: the browser's
 * `securitypolicyviolation` events (reported from each page through a binding, which survives
 * navigations) and Chromium's "Refused to …" console lines. A story that provokes one on purpose
 * reads and empties `cspViolations` itself.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const seen: string[] = []
      await context.exposeBinding('__reportCspViolation', (_source, text: string) => void seen.push(text))
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __reportCspViolation: (text: string) => Promise<void> }).__reportCspViolation
          void report(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} on ${e.documentURI} (${e.sourceFile}:${e.lineNumber})`)
        })
      })
      const onConsole = (msg: ConsoleMessage) => {
        if (/Content Security Policy|Refused to (load|execute|apply|connect|frame|evaluate|run)/i.test(msg.text())) seen.push(`console: ${msg.text()}`)
      }
      context.on('console', onConsole)
      await use(seen)
      context.off('console', onConsole)
      expect(seen, 'Content Security Policy violations').toEqual([])
    },
    { auto: true },
  ],
})
export { expect }

type DemoPerson = { email: string; password: string }
/** A demo merchant with its admin as `user` (the login most stories use) and each role's login. */
function withLogins(m: DemoMerchant) {
  const byRole = (role: DemoRole) => ({ user: m.users.find((u) => u.role === role)! })
  return { ...m, user: byRole('ADMIN').user, admin: byRole('ADMIN'), operator: byRole('OPERATOR'), viewer: byRole('VIEWER') }
}
export const [REFURB, PHOENIX] = DEMO_MERCHANTS.map(withLogins) as [ReturnType<typeof withLogins>, ReturnType<typeof withLogins>]
/** The fulfilment company's support login (no merchant). */
export const STAFF = { user: DEMO_STAFF }

export const sandbox = new SandboxControl(`http://127.0.0.1:${E2E_SANDBOX_PORT}`)

/**
 * Signs in through the form. Stories share the demo users and switching language saves it on the
 * user, so a story that reads one language picks it on the sign-in page first, as a merchant can:
 * this browser's choice is kept over the account's. Staff land on /staff, not /orders: say where.
 */
export async function signIn(page: Page, who: { user: DemoPerson }, language?: 'English' | 'Français', landing: RegExp = /\/orders/) {
  await page.goto('/login')
  if (language) {
    const saved = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/login')
    await page.getByRole('button', { name: language }).click()
    await saved
    await page.getByRole('button', { name: language, pressed: true }).waitFor()
  }
  // By name, not label: the form may be in either language here.
  await page.locator('input[name="email"]').fill(who.user.email)
  await page.locator('input[name="password"]').fill(who.user.password)
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click()
  await page.waitForURL(landing)
}

/**
 * The headers a browser's own fetch from this page would send: the API refuses a change that
 * does not say it comes from the app's origin (CSRF), and Playwright's request context sends none.
 */
export function fromPage(page: Page): { origin: string } {
  return { origin: new URL(page.url()).origin }
}

type SandboxOrder = { order_id: number; state: number; orderlines: { listing: string; state: number }[] }

/** An order of that merchant as Back Market has it, chosen by a predicate. */
export async function findSandboxOrder(token: string, pick: (o: SandboxOrder) => boolean): Promise<SandboxOrder> {
  const { orders } = (await sandbox.state(token)) as { orders: SandboxOrder[] }
  const found = orders.find(pick)
  if (!found) throw new Error('no sandbox order matches')
  return found
}

/** No serious or critical axe violation in the page's main content. */
export async function expectNoSeriousAxeViolation(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include('main').analyze()
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([])
}

/** Nothing wider than a 390 px phone; the desktop size is restored after. */
export async function expectNoSidewaysScroll(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** Where the stories of issue 10 leave their screenshots for the closing note (repository's test-results/issue10/). */
export const ISSUE10_SHOTS = path.resolve(import.meta.dirname, '../test-results/issue10')

/** A full-page PNG of what the story shows at this step, named for the closing note. */
export async function shot(page: Page, name: string) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
  await page.screenshot({ path: path.join(ISSUE10_SHOTS, `${name}.png`), fullPage: true })
}

/** The short name of a time zone as the dashboard shows it after a time of day ("GMT", "UTC+1"). */
export function zoneName(timeZone: string, locale: 'en' | 'fr', at = new Date()): string {
  return new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')!.value
}

/** A RegExp source matching `text` literally. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
