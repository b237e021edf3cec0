// What the browser stories share: the demo logins, and the sandbox's control API on the e2e stack.
import type { Page } from '@playwright/test'
import { DEMO_MERCHANTS } from '../scripts/demo/catalogue'
import { SandboxControl } from '../scripts/lib/sandbox-control'

export const [REFURB, PHOENIX] = DEMO_MERCHANTS as [(typeof DEMO_MERCHANTS)[0], (typeof DEMO_MERCHANTS)[0]]

export const sandbox = new SandboxControl(`http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 4110}`)

export async function signIn(page: Page, who: { user: { email: string; password: string } }) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(who.user.email)
  await page.getByLabel('Password').fill(who.user.password)
  await page.getByRole('button', { name: /sign in/i }).click()
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
