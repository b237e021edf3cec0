// A merchant re-syncs an order while Back Market is down: the re-sync shows it is retrying on its
// own and when the next attempt is due; once Back Market answers again, the same re-sync goes
// through and is verified by reading the order back, without a second click.
import type { Page } from '@playwright/test'
import { expect, literal, PHOENIX, sandbox, signIn, test, zoneName } from './support'

type SandboxOrder = { order_id: number; orderlines: { listing: string; state: number }[] }
type OurOrder = { status: string; lines: { sku: string; listing: string }[] }

/** A one-line order validated by our warehouse and accepted on Back Market, with matching SKUs. */
async function validatedOrder(page: Page): Promise<SandboxOrder> {
  const { orders } = (await sandbox.state(PHOENIX.token)) as { orders: SandboxOrder[] }
  for (const o of orders.filter((o) => o.orderlines.length === 1 && o.orderlines[0]!.state === 2)) {
    const { order } = (await (await page.request.get(`/api/orders/${o.order_id}`)).json()) as { order: OurOrder }
    if (order.status === 'VALIDATED' && order.lines.every((l) => l.sku === l.listing)) return o
  }
  throw new Error('no validated one-line order in the demo data')
}

test.afterEach(async () => {
  await sandbox.clearFaults()
})

test('a re-sync during a Back Market outage retries by itself and is verified once Back Market is back', async ({ page }) => {
  await signIn(page, PHOENIX, 'English')
  // Times are shown in the merchant's zone (its users chose none), named after the time.
  const zone = zoneName(PHOENIX.timeZone, 'en')
  const order = await validatedOrder(page)
  const sku = order.orderlines[0]!.listing
  // Back Market shows the sale as still to accept: our accept never reached it.
  await sandbox.setLineState(order.order_id, sku, PHOENIX.token, 1)
  await page.goto(`/orders/${order.order_id}`)

  // Back Market goes down (every call answers 502/503), and the merchant re-syncs.
  await sandbox.setFaults({ error5xxRate: 1 })
  await page.getByRole('button', { name: 'Re-sync with Back Market' }).click()
  const progress = page.getByRole('status', { name: 'Re-sync progress' })
  await expect(progress.getByText(new RegExp(String.raw`^Back Market did not answer \(attempt \d\)\. Next automatic retry at \d\d:\d\d:\d\d ${literal(zone)}\.$`))).toBeVisible({ timeout: 20_000 })
  // A second click cannot send it again while it runs.
  await expect(page.getByRole('button', { name: 'Re-syncing…' })).toBeDisabled()

  // Back Market comes back: the next automatic attempt goes through.
  await sandbox.clearFaults()
  await expect(progress.getByText('Done: Back Market has the update (checked by reading it back).')).toBeVisible({ timeout: 45_000 })
  await expect(progress.getByRole('listitem').filter({ hasText: 'Verified' })).toHaveAttribute('aria-current', 'step')
  await expect(page.getByRole('button', { name: 'Re-sync again' })).toBeEnabled()

  // Back Market has the sale accepted, and the banner says the connection recovered.
  const { orders } = (await sandbox.state(PHOENIX.token)) as { orders: SandboxOrder[] }
  expect(orders.find((o) => o.order_id === order.order_id)?.orderlines[0]?.state).toBe(2)
  await expect(page.getByRole('status', { name: 'Connection recovered' })).toContainText(new RegExp(String.raw`Connection recovered at .+ ${literal(zone)}\.`))
})
