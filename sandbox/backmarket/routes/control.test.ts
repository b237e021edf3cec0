import { expect, test } from 'vitest'
import type { ErrorResponseV1 } from '../errors'
import { startSandbox } from '../server'
import { ADDRESS_KEYS, LINE_KEYS, ORDER_KEYS } from '../observed-keys'
import { control, json, newSeller, setupSandbox } from '../testing'
import type { Listing, Order } from '../types'

const sandbox = setupSandbox()

test('a created order carries every key of a real payload, with plausible values', async () => {
  const seller = await newSeller(sandbox())
  const order = await seller.order({ country_code: 'en-gb', lines: [{ sku: 'IPH13', quantity: 2, price: '369.00' }] })
  expect(Object.keys(order)).toEqual(ORDER_KEYS)
  expect(Object.keys(order.orderlines[0] ?? {})).toEqual(LINE_KEYS)
  expect(Object.keys(order.shipping_address)).toEqual(ADDRESS_KEYS)
  expect(Object.keys(order.billing_address)).toEqual(ADDRESS_KEYS)
  expect(order).toMatchObject({ state: 1, price: '738.00', currency: 'GBP', country_code: 'en-gb', tracking_number: '', date_shipping: null })
  expect(order.shipping_address).toMatchObject({ country: 'GB', email: expect.stringMatching(/^shipping_\d+_\d+@/) as unknown })
  expect(order.billing_address.email).toMatch(/^invoice_/)
  expect(order.orderlines[0]).toMatchObject({ state: 1, listing: 'IPH13', quantity: 2, price: '369.00', imei: '' })
})

test('order ids are assigned increasing from 40000000 unless given; a duplicate id is a 409', async () => {
  const seller = await newSeller(sandbox())
  const a = await seller.order()
  const b = await seller.order()
  expect(a.order_id).toBeGreaterThanOrEqual(40_000_000)
  expect(b.order_id).toBeGreaterThan(a.order_id)
  const explicit = await seller.order({ order_id: 77_000_001 })
  expect(explicit.order_id).toBe(77_000_001)
  const dup = await control<ErrorResponseV1>(sandbox(), 'POST', '/orders', { token: seller.token, order_id: 77_000_001, lines: [{ sku: 'X' }] })
  expect(dup.status).toBe(409)
})

test('an order takes shipping_address overrides and refuses a SKU twice or an unknown state', async () => {
  const seller = await newSeller(sandbox())
  const order = await seller.order({ shipping_address: { street: 'Deleted', phone: null } })
  expect(order.shipping_address).toMatchObject({ street: 'Deleted', phone: null, city: 'Lyon' })
  const twice = await control<ErrorResponseV1>(sandbox(), 'POST', '/orders', { token: seller.token, lines: [{ sku: 'A' }, { sku: 'A' }] })
  expect(twice.status).toBe(400)
  const badState = await control<ErrorResponseV1>(sandbox(), 'POST', '/orders', { token: seller.token, state: 2, lines: [{ sku: 'A' }] })
  expect(badState.status).toBe(400)
  expect(badState.body.error.target).toBe('state')
})

test('rename-sku changes the orderline and the listing, so the old SKU now 404s', async () => {
  const seller = await newSeller(sandbox())
  await seller.listing('OLD-SKU', 5)
  const order = await seller.order({ lines: [{ sku: 'OLD-SKU' }] })
  const renamed = await control<Order>(sandbox(), 'POST', `/orders/${order.order_id}/rename-sku`, { token: seller.token, from: 'OLD-SKU', to: 'NEW-SKU' })
  expect(renamed.status).toBe(200)
  expect(renamed.body.orderlines[0]?.listing).toBe('NEW-SKU')
  expect(Date.parse(renamed.body.date_modification)).toBeGreaterThan(Date.parse(order.date_modification))

  const old = await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 2, sku: 'OLD-SKU' } })
  expect(old.status).toBe(404)
  expect((await seller.bm('/ws/listings/detail?sku=OLD-SKU')).status).toBe(404)
  expect((await json<Listing>(await seller.bm('/ws/listings/detail?sku=NEW-SKU'))).quantity).toBe(4)
  const accepted = await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 2, sku: 'NEW-SKU' } })
  expect(accepted.status).toBe(200)

  const missing = await control(sandbox(), 'POST', `/orders/${order.order_id}/rename-sku`, { token: seller.token, from: 'NOPE', to: 'X' })
  expect(missing.status).toBe(404)
})

test('a line state set by hand skips the transition table and re-derives the order state', async () => {
  const seller = await newSeller(sandbox())
  const order = await seller.order({ lines: [{ sku: 'A' }, { sku: 'B' }] })
  const set = (sku: string, state: number) => control<Order>(sandbox(), 'POST', `/orders/${order.order_id}/lines/${sku}/state`, { token: seller.token, state })
  // 1 → 3 is not a seller transition, but the back office allows it.
  const one = await set('A', 3)
  expect(one.status).toBe(200)
  expect(one.body.orderlines.map((l) => l.state)).toEqual([3, 1])
  expect(one.body.state).toBe(1)
  const two = await set('B', 4)
  expect(two.body.state).toBe(9)
  expect(Date.parse(two.body.date_modification)).toBeGreaterThan(Date.parse(one.body.date_modification))
  expect(await json(await seller.bm(`/ws/orders/${order.order_id}`))).toEqual(two.body)

  expect((await set('A', 42)).status).toBe(400)
  expect((await set('ZZZ', 2)).status).toBe(404)
})

test('GET /__sandbox/state returns the token\'s orders and listings', async () => {
  const seller = await newSeller(sandbox())
  const listing = await seller.listing('ST', 2)
  const order = await seller.order()
  const state = await control<{ orders: Order[]; listings: Listing[] }>(sandbox(), 'GET', `/state?token=${seller.token}`)
  expect(state.body.orders).toEqual([order])
  expect(state.body.listings).toEqual([listing])
  expect((await control(sandbox(), 'GET', '/state?token=nobody')).status).toBe(404)
})

test('control inputs are validated with the field named', async () => {
  const res = await control<ErrorResponseV1>(sandbox(), 'POST', '/listings', { token: 't', sku: 'S', quantity: -1 })
  expect(res.status).toBe(400)
  expect(res.body.error.target).toBe('quantity')
  const faults = await control<ErrorResponseV1>(sandbox(), 'PUT', '/faults', { latency: 5 })
  expect(faults.status).toBe(400)
})

test('reset forgets accounts, data, faults and the request log', async () => {
  const sb = await startSandbox({ port: 0 })
  try {
    const seller = await newSeller(sb)
    await seller.order()
    await seller.bm('/ws/orders')
    await control(sb, 'PUT', '/faults', { latencyMs: 5 })
    expect((await control(sb, 'POST', '/reset')).status).toBe(204)
    expect((await seller.bm('/ws/orders')).status).toBe(401)
    expect((await control(sb, 'GET', '/faults')).body).toMatchObject({ latencyMs: 0 })
    expect((await control<unknown[]>(sb, 'GET', `/requests?token=${seller.token}`)).body).toHaveLength(1)
  } finally {
    await sb.close()
  }
})
