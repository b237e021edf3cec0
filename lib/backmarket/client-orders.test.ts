// The client's documented calls against the real sandbox over HTTP: listing and paging orders,
// accepting, shipping and cancelling them, and a listing's stock.
import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { failure, sku, sandboxPerFile } from './client-test-kit'

const { setupAccount } = sandboxPerFile()

test('iterateOrders follows next links over more than 50 orders, 50 per page', async () => {
  const { client, events, createOrder } = await setupAccount()
  const created: number[] = []
  for (let i = 0; i < 120; i++) created.push((await createOrder([{ sku: sku() }])).order_id)

  const seen: number[] = []
  for await (const order of client().iterateOrders({ state: 1 })) seen.push(order.order_id)

  expect(seen.sort()).toEqual([...created].sort())
  expect(events.map((e) => [e.operation, e.status])).toEqual([
    ['iterateOrders', 200],
    ['iterateOrders', 200],
    ['iterateOrders', 200],
  ])
  expect(events[0]?.path).toBe('/ws/orders?state=1&page-size=50')
  expect(events[2]?.path).toContain('page=3')
})

test('listOrders gives one page with absolute next and previous links', async () => {
  const { client, createOrder } = await setupAccount()
  for (let i = 0; i < 12; i++) await createOrder([{ sku: sku() }])
  const page = await client().listOrders({ page: 2, pageSize: 5 })
  expect(page.count).toBe(12)
  expect(page.results).toHaveLength(5)
  expect(page.next).toMatch(/^http:\/\/.+\/ws\/orders\?.*page=3/)
  expect(page.previous).toMatch(/^http:\/\/.+page=1/)
  expect(() => client().listOrders({ pageSize: 51 })).toThrow(RangeError)
})

test('date filters are sent as RFC 3339 and act as lower bounds', async () => {
  const { client, createOrder, requestLog } = await setupAccount()
  const { order_id } = await createOrder([{ sku: sku() }], { date_creation: '2026-01-10T08:00:00Z' })
  await createOrder([{ sku: sku() }], { date_creation: '2025-06-01T08:00:00Z' })

  const since = new Date('2026-01-01T00:00:00.750Z')
  const page = await client().listOrders({ dateCreation: since })
  expect(page.results.map((o) => o.order_id)).toEqual([order_id])
  const future = await client().listOrders({ dateModification: new Date(Date.now() + 3_600_000) })
  expect(future.count).toBe(0)
  const [first] = await requestLog()
  expect(decodeURIComponent(first?.path ?? '')).toContain('date_creation=2026-01-01T00:00:00Z')
})

test('accept then ship: the happy path of one order', async () => {
  const { client, createOrder, createListing, requestLog } = await setupAccount()
  const s = sku()
  await createListing(s, 5)
  const { order_id } = await createOrder([{ sku: s }])
  const bm = client()

  const accepted = await bm.acceptOrderline(order_id, s)
  expect(accepted.state).toBe(3)
  expect(accepted.orderlines[0]?.state).toBe(2)

  const shipped = await bm.shipOrder(String(order_id), {
    trackingNumber: '6A12345678901',
    trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
    shipper: 'Colissimo',
    dateShipping: new Date('2026-03-23T15:02:00.500Z'),
    imei: '356789012345678',
  })
  expect(shipped).toMatchObject({ order_id, state: 9, tracking_number: '6A12345678901', shipper: 'Colissimo' })
  expect(shipped.orderlines[0]).toMatchObject({ state: 3, imei: '356789012345678' })
  expect((await bm.getOrder(order_id)).state).toBe(9)

  const writes = (await requestLog()).filter((r) => r.method === 'POST')
  expect(writes.map((w) => w.body)).toEqual([
    { new_state: 2, sku: s, order_id },
    {
      new_state: 3,
      tracking_number: '6A12345678901',
      tracking_url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
      shipper: 'Colissimo',
      date_shipping: '2026-03-23T15:02:00Z',
      imei: '356789012345678',
      order_id,
    },
  ])
})

test('cancelOrderline cancels one line with a message for the customer', async () => {
  const { client, createOrder } = await setupAccount()
  const [keep, drop] = [sku(), sku()]
  const { order_id } = await createOrder([{ sku: keep }, { sku: drop }])
  const order = await client().cancelOrderline(order_id, { sku: drop, newState: 4, returnMessage: 'Stock error, sorry.' })
  const line = order.orderlines.find((l) => l.listing === drop)
  expect(line).toMatchObject({ state: 4, return_message: 'Stock error, sorry.' })
  expect(order.orderlines.find((l) => l.listing === keep)?.state).toBe(1)
})

test('cancelOrderline refunds an accepted line (5), and a shipped one with its return reason (6)', async () => {
  const { client, createOrder } = await setupAccount()
  const [early, late] = [sku(), sku()]
  const { order_id } = await createOrder([{ sku: early }, { sku: late }])
  const bm = client()
  for (const s of [early, late]) await bm.acceptOrderline(order_id, s)
  const refunded = await bm.cancelOrderline(order_id, { sku: early, newState: 5 })
  expect(refunded.orderlines.find((l) => l.listing === early)?.state).toBe(5)
  await bm.shipOrder(order_id, { trackingNumber: '6A12345678901' })
  const after = await bm.cancelOrderline(order_id, { sku: late, newState: 6, returnReason: 21, returnMessage: 'Faulty on opening: refunded.' })
  expect(after.orderlines.find((l) => l.listing === late)).toMatchObject({ state: 6, return_reason: 21, return_message: 'Faulty on opening: refunded.' })
})


test('stock: find the listing by SKU, then set its quantity', async () => {
  const { client, createListing } = await setupAccount()
  const s = sku()
  const created = await createListing(s, 3)
  const bm = client()
  const listing = await bm.getListingBySku(s)
  expect(listing).toMatchObject({ id: created.id, sku: s, quantity: 3 })
  const updated = await bm.updateListingQuantity(listing.id, 0)
  expect(updated).toMatchObject({ id: created.id, quantity: 0 })
  expect((await bm.getListingBySku(s)).quantity).toBe(0)
  expect((await failure(bm.updateListingQuantity(randomUUID(), 1))).kind).toBe('not_found')
  expect(() => bm.updateListingQuantity(listing.id, -1)).toThrow(RangeError)
})
