// What the browser stories share: the demo logins, and the sandbox's control API on the e2e stack.
import type { Page } from '@playwright/test'
import { DEMO_MERCHANTS } from '../scripts/demo/catalogue'
import { SandboxControl } from '../scripts/lib/sandbox-control'

export const [REFURB, PHOENIX] = DEMO_MERCHANTS as [(typeof DEMO_MERCHANTS)[0], (typeof DEMO_MERCHANTS)[0]]

export const sandbox = new SandboxControl(`http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 4110}`)

/**
 * Signs in through the form. Stories share the demo users and switching language saves it on the
 * user, so a story that reads one language picks it on the sign-in page first, as a merchant can:
 * this browser's choice is kept over the account's.
 */
export async function signIn(page: Page, who: { user: { email: string; password: string } }, language?: 'English' | 'Français') {
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
  await page.waitForURL(/\/orders/)
}

type SandboxOrder = { order_id: number; state: number; orderlines: { listing: string; state: number }[] }

/** An order of that merchant as Back Market has it, chosen by a predicate. */
export async function findSandboxOrder(token: string, pick: (o: SandboxOrder) => boolean): Promise<SandboxOrder> {
  const { orders } = (await sandbox.state(token)) as { orders: SandboxOrder[] }
  const found = orders.find(pick)
  if (!found) throw new Error('no sandbox order matches')
  return found
}
