// The live panel's route against the Back Market sandbox over real HTTP. The base URL is read
// from the environment once per module graph, so the sandbox starts before the app modules load.
import { expect, test } from 'vitest'
import { control, newSeller } from '@/sandbox/backmarket/testing'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'

const { sandbox } = await startBackMarketSandbox()

const { GET } = await import('@/app/api/orders/[reference]/backmarket/route')
const { createSignedInMerchant, createTestMerchant, createTestOrder, createTestUser, routeParams, testRequest } = await import('@/test/factories')

const live = (reference: string, cookie: string) =>
  GET(testRequest(`/api/orders/${reference}/backmarket`, { cookie }), routeParams({ reference }))

/** A seller with one two-line order on Back Market, imported into our database as-is. */
async function importedOrder() {
  const seller = await newSeller(sandbox)
  const merchant = await createTestMerchant({ bmToken: seller.token })
  const { cookie } = await createTestUser({ merchantId: merchant.id })
  const bm = await seller.order({ lines: [{ sku: 'IPH13-128', quantity: 1 }, { sku: 'CASE-13', quantity: 2 }] })
  const reference = String(bm.order_id)
  const ours = {
    merchantId: merchant.id,
    reference,
    bmState: bm.state,
    lines: bm.orderlines.map((l) => ({ bmOrderlineId: l.id, listing: l.listing, sku: l.listing, quantity: l.quantity, bmState: l.state })),
  }
  return { seller, merchant, cookie, bm, reference, ours }
}

test('an order untouched since import matches Back Market', async () => {
  const { cookie, reference, ours } = await importedOrder()
  await createTestOrder(ours)
  const res = await live(reference, cookie)
  expect(res.status).toBe(200)
  const body = await res.json()
  expect(body.reference).toBe(reference)
  expect(Date.parse(body.fetchedAt)).toBeGreaterThan(Date.now() - 60_000)
  expect(body.comparison.differenceCount).toBe(0)
  expect(body.comparison.lines).toHaveLength(2)
})

test('reports our SKU renamed after import and a line accepted by hand on Back Market', async () => {
  const { seller, cookie, reference, ours } = await importedOrder()
  const [phone, caseLine] = ours.lines
  await createTestOrder({ ...ours, lines: [{ ...phone!, sku: 'IPH13-128-BLACK' }, caseLine!] })
  const moved = await control(sandbox, 'POST', `/orders/${reference}/lines/CASE-13/state`, { token: seller.token, state: 2 })
  expect(moved.status).toBeLessThan(300)

  const body = await (await live(reference, cookie)).json()
  const byListing = Object.fromEntries(
    body.comparison.lines.map((l: { backMarket: { listing: string }; differences: string[] }) => [l.backMarket.listing, l.differences]),
  )
  expect(byListing).toEqual({ 'IPH13-128': ['sku'], 'CASE-13': ['state'] })
})

test('Back Market refusing the token is a 502 that says so', async () => {
  const { reference, ours } = await importedOrder()
  const stranger = await createTestMerchant({ bmToken: 'a-token-back-market-does-not-know' })
  const { cookie } = await createTestUser({ merchantId: stranger.id })
  await createTestOrder({ ...ours, merchantId: stranger.id })
  const res = await live(reference, cookie)
  expect(res.status).toBe(502)
  const body = await res.json()
  expect(body.error.code).toBe('bad_gateway')
  expect(body.error.details).toMatchObject({ kind: 'unauthorized', status: 401 })
  expect(typeof body.error.details.message).toBe('string')
})

test('an order Back Market does not know is a 502 with kind not_found', async () => {
  const { merchant, cookie } = await importedOrder()
  await createTestOrder({ merchantId: merchant.id, reference: '1' })
  const res = await live('1', cookie)
  expect(res.status).toBe(502)
  expect((await res.json()).error.details).toMatchObject({ kind: 'not_found', status: 404 })
})

test("merchant B's order is a 404 for merchant A, and Back Market is never called", async () => {
  const b = await importedOrder()
  await createTestOrder(b.ours)
  const a = await createSignedInMerchant()
  const before = await control<unknown[]>(sandbox, 'GET', `/requests?token=${encodeURIComponent(b.seller.token)}`)
  const res = await live(b.reference, a.cookie)
  expect(res.status).toBe(404)
  expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Order not found.' } })
  const after = await control<unknown[]>(sandbox, 'GET', `/requests?token=${encodeURIComponent(b.seller.token)}`)
  expect(after.body).toHaveLength(before.body.length)
})
