// A merchant signs in, finds a Back Market order by its reference, and compares our copy with
// Back Market's live state, line by line; another merchant's order is simply not there.
import { expect, findSandboxOrder, PHOENIX, REFURB, sandbox, signIn, test } from './support'

test('find an order by reference and see its SKUs beside Back Market’s live state', async ({ page }) => {
  // An order waiting to be accepted, with our SKU equal to Back Market's.
  const order = await findSandboxOrder(REFURB.token, (o) => o.state === 1 && o.orderlines.length === 1)
  const reference = String(order.order_id)
  const sku = order.orderlines[0]!.listing

  // Refurb Republic's account is in French; this story picks English on the sign-in page.
  await signIn(page, REFURB, 'English')
  await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Orders' }).getByRole('row')).not.toHaveCount(1)

  // A prefix narrows the list; the reference opens the order.
  await page.getByLabel('Order number').fill(reference.slice(0, -1))
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page.getByRole('link', { name: reference })).toBeVisible()
  await page.getByRole('link', { name: reference }).click()
  await expect(page.getByRole('heading', { name: `Order ${reference}`, level: 1 })).toBeVisible()

  const lines = page.getByRole('table', { name: 'Product lines' })
  const row = lines.getByRole('row').nth(1)
  await expect(row.getByRole('cell', { name: sku, exact: true })).toHaveCount(2) // our SKU, Back Market's

  const live = page.getByRole('region', { name: 'Back Market now' })
  await expect(live.getByText(/Fetched at/)).toBeVisible()
  await expect(live.getByText('Matches our data')).toBeVisible()

  // The seller accepts the sale by hand in Back Market's back office: the live view shows it
  // at once, and marks where Back Market and our last sync now disagree.
  await sandbox.setLineState(order.order_id, sku, REFURB.token, 2)
  await live.getByRole('button', { name: /refresh/i }).click()
  await expect(live.getByText(/differences? with our data/)).toBeVisible()
  await expect(live.getByText('Waiting for fulfillment').first()).toBeVisible()
  await expect(live.getByText(/Differs/).first()).toBeVisible()
})

test('another merchant’s order reference is not found', async ({ page }) => {
  const theirs = await findSandboxOrder(PHOENIX.token, () => true)
  // Refurb Republic's account is in French; this story picks English on the sign-in page.
  await signIn(page, REFURB, 'English')
  const res = await page.goto(`/orders/${theirs.order_id}`)
  expect(res?.status()).toBe(404)
  await expect(page.getByText(/not found/i).first()).toBeVisible()
})
