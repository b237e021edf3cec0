import { expect, test } from 'vitest'
import type { ErrorResponseV1 } from '../errors'
import { control, json, newSeller, setupSandbox } from '../testing'
import type { Listing } from '../types'

const sandbox = setupSandbox({ limits: { skuLinesPerHour: 3 } })
type WithStatus = Listing & { statuscode: number }

test('GET /ws/listings/detail?sku= finds the listing case-insensitively', async () => {
  const seller = await newSeller(sandbox())
  const listing = await seller.listing('IPH13-128-BLK-GOOD', 3)
  for (const sku of ['IPH13-128-BLK-GOOD', 'iph13-128-blk-good']) {
    const res = await seller.bm(`/ws/listings/detail?sku=${sku}`)
    expect(res.status).toBe(200)
    expect(await json(res)).toEqual({ ...listing, statuscode: 200 })
  }
  expect((await json<WithStatus>(await seller.bm(`/ws/listings/detail?id=${listing.id}`))).sku).toBe(listing.sku)
})

test('404 for an unknown SKU, and for a listing of another token', async () => {
  const seller = await newSeller(sandbox())
  const other = await newSeller(sandbox())
  const listing = await other.listing('THEIRS', 1)
  const bySku = await seller.bm('/ws/listings/detail?sku=THEIRS')
  expect(bySku.status).toBe(404)
  expect((await json<ErrorResponseV1>(bySku)).error.code).toBe('not-found')
  expect((await seller.bm(`/ws/listings/${listing.id}`)).status).toBe(404)
  expect((await seller.bm(`/ws/listings/${listing.id}`, { body: { quantity: 1 } })).status).toBe(404)
  expect((await seller.bm('/ws/listings/detail')).status).toBe(400)
})

test('GET /ws/listings/{id} by UUID or by the deprecated integer id', async () => {
  const seller = await newSeller(sandbox())
  const listing = await seller.listing('BY-ID', 2)
  for (const id of [listing.id, String(listing.listing_id)]) {
    expect(await json(await seller.bm(`/ws/listings/${id}`))).toEqual({ ...listing, statuscode: 200 })
  }
})

test('POST quantity 0 takes the listing offline (3), a positive one puts it online (2)', async () => {
  const seller = await newSeller(sandbox())
  const listing = await seller.listing('STOCK', 5)
  expect(listing.publication_state).toBe(2)
  const offline = await json<WithStatus>(await seller.bm(`/ws/listings/${listing.id}`, { body: { quantity: 0 } }))
  expect(offline).toMatchObject({ quantity: 0, publication_state: 3, statuscode: 200 })
  // Quantity may come as a string; the price is kept as a string with two decimals.
  const online = await json<WithStatus>(await seller.bm(`/ws/listings/${listing.id}`, { body: { quantity: '7', price: 350 } }))
  expect(online).toMatchObject({ quantity: 7, publication_state: 2, price: '350.00' })
  expect((await json<WithStatus>(await seller.bm(`/ws/listings/detail?sku=STOCK`))).quantity).toBe(7)
})

test('400 on a bad update body is a bare JSON string', async () => {
  const seller = await newSeller(sandbox())
  const listing = await seller.listing('BAD', 1)
  for (const body of [{ quantity: -1 }, { quantity: 'many' }, '{not json']) {
    const res = await seller.bm(`/ws/listings/${listing.id}`, { body })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(typeof (await json(res))).toBe('string')
  }
})

test('PATCH /ws/listings/{id} is 405: updates must use POST', async () => {
  const seller = await newSeller(sandbox())
  const listing = await seller.listing('PATCHED', 1)
  const res = await seller.bm(`/ws/listings/${listing.id}`, { method: 'PATCH', body: { quantity: 2 } })
  expect(res.status).toBe(405)
  expect(res.headers.get('allow')).toBe('GET, POST')
  expect((await json<WithStatus>(await seller.bm(`/ws/listings/${listing.id}`))).quantity).toBe(1)
})

test('SKU lines over the hourly quota are refused with 429 (quota lowered to 3 here)', async () => {
  const seller = await newSeller(sandbox())
  const listing = await seller.listing('QUOTA', 10)
  for (let q = 1; q <= 3; q++) expect((await seller.bm(`/ws/listings/${listing.id}`, { body: { quantity: q } })).status).toBe(200)
  const refused = await seller.bm(`/ws/listings/${listing.id}`, { body: { quantity: 9 } })
  expect(refused.status).toBe(429)
  expect((await json<ErrorResponseV1>(refused)).error.code).toBe('rate-limited')
  expect((await json<WithStatus>(await seller.bm(`/ws/listings/${listing.id}`))).quantity).toBe(3)
  // Another token has its own quota.
  const other = await newSeller(sandbox())
  const theirs = await other.listing('QUOTA', 10)
  expect((await other.bm(`/ws/listings/${theirs.id}`, { body: { quantity: 1 } })).status).toBe(200)
})

test('placing an order decrements the listing stock, down to 0 and offline', async () => {
  const seller = await newSeller(sandbox())
  const listing = await seller.listing('Sold-SKU', 3)
  const order = await seller.order({ lines: [{ sku: 'sold-sku', quantity: 2 }] })
  // The line carries the listing's identity, as Back Market fills it.
  expect(order.orderlines[0]).toMatchObject({ listing: 'sold-sku', listing_id: listing.listing_id, product: listing.title, price: listing.price })
  expect((await json<WithStatus>(await seller.bm(`/ws/listings/${listing.id}`))).quantity).toBe(1)
  await seller.order({ lines: [{ sku: 'Sold-SKU', quantity: 2 }] })
  expect(await json<WithStatus>(await seller.bm(`/ws/listings/${listing.id}`))).toMatchObject({ quantity: 0, publication_state: 3 })
})

test('GET /ws/listings pages the seller\'s listings and filters by publication_state', async () => {
  const seller = await newSeller(sandbox())
  await seller.listing('L1', 0)
  await seller.listing('L2', 4)
  const page = await json<{ count: number; results: Listing[] }>(await seller.bm('/ws/listings?publication_state=2'))
  expect(page.count).toBe(1)
  expect(page.results.map((l) => l.sku)).toEqual(['L2'])
})

test('control: creating a listing twice with the same SKU updates it', async () => {
  const seller = await newSeller(sandbox())
  const first = await seller.listing('SEED', 1)
  const again = await control<Listing>(sandbox(), 'POST', '/listings', { token: seller.token, sku: 'seed', quantity: 4 })
  expect(again.status).toBe(200)
  expect(again.body).toMatchObject({ id: first.id, sku: 'SEED', quantity: 4 })
})
