// POST /ws/orders/{order_id} over real HTTP: the transition table, shipping, and every refusal.
import { expect, test } from 'vitest'
import type { ErrorResponseV1 } from './errors'
import { json, newSeller, setupSandbox } from './testing'
import type { Order } from './types'

const sandbox = setupSandbox()

async function acceptedOrder(lines: Array<{ sku: string; quantity?: number }> = [{ sku: 'PHONE-1' }]) {
  const seller = await newSeller(sandbox())
  const order = await seller.order({ lines })
  for (const { sku } of lines) {
    const res = await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 2, sku } })
    expect(res.status).toBe(200)
  }
  return { seller, order }
}

test('accept: 1 → 2 moves the line and the order to 3, bumps date_modification', async () => {
  const seller = await newSeller(sandbox())
  const order = await seller.order({ lines: [{ sku: 'A' }, { sku: 'B' }] })
  const acceptA = await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: String(order.order_id), new_state: 2, sku: 'A' } })
  expect(acceptA.status).toBe(200)
  const afterA = await json<Order>(acceptA)
  expect(afterA.orderlines.map((l) => l.state)).toEqual([2, 1])
  expect(afterA.state).toBe(1)
  expect(Date.parse(afterA.date_modification)).toBeGreaterThan(Date.parse(order.date_modification))

  const afterB = await json<Order>(await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 2, sku: 'B' } }))
  expect(afterB.state).toBe(3)
  expect(Date.parse(afterB.date_modification)).toBeGreaterThan(Date.parse(afterA.date_modification))
})

test('ship: new_state 3 moves every accepted line, fills tracking and date_shipping, order 9', async () => {
  const { seller, order } = await acceptedOrder([{ sku: 'A' }, { sku: 'B' }])
  const res = await seller.bm(`/ws/orders/${order.order_id}`, {
    body: { order_id: order.order_id, new_state: 3, tracking_number: '6A12345678901', tracking_url: 'https://t.example/6A12345678901', shipper: 'Cubyn', date_shipping: '2026-03-23T15:02:00Z' },
  })
  expect(res.status).toBe(200)
  const shipped = await json<Order>(res)
  expect(shipped).toMatchObject({ state: 9, tracking_number: '6A12345678901', tracking_url: 'https://t.example/6A12345678901', shipper: 'Cubyn', shipper_display: 'Cubyn', date_shipping: '2026-03-23T15:02:00Z' })
  expect(shipped.orderlines.map((l) => l.state)).toEqual([3, 3])
  // Lines keep the carrier the buyer chose.
  expect(shipped.orderlines[0]?.shipper).toBe(order.orderlines[0]?.shipper)
})

test('ship leaves cancelled lines alone and sets the IMEI of a single-unit order', async () => {
  const seller = await newSeller(sandbox())
  const single = await seller.order({ lines: [{ sku: 'ONE' }] })
  await seller.bm(`/ws/orders/${single.order_id}`, { body: { order_id: single.order_id, new_state: 2, sku: 'ONE' } })
  const res = await seller.bm(`/ws/orders/${single.order_id}`, { body: { order_id: single.order_id, new_state: 3, tracking_number: 'T1', imei: '356789012345678' } })
  const shipped = await json<Order>(res)
  expect(shipped.orderlines[0]).toMatchObject({ state: 3, imei: '356789012345678' })
  expect(shipped.date_shipping).not.toBeNull()

  const mixed = await seller.order({ lines: [{ sku: 'KEEP' }, { sku: 'DROP' }] })
  await seller.bm(`/ws/orders/${mixed.order_id}`, { body: { order_id: mixed.order_id, new_state: 2, sku: 'KEEP' } })
  await seller.bm(`/ws/orders/${mixed.order_id}`, { body: { order_id: mixed.order_id, new_state: 4, sku: 'DROP', return_message: 'Stock error' } })
  const after = await json<Order>(await seller.bm(`/ws/orders/${mixed.order_id}`, { body: { order_id: mixed.order_id, new_state: 3, tracking_number: 'T2' } }))
  expect(after.orderlines.map((l) => [l.state, l.return_message])).toEqual([[3, ''], [4, 'Stock error']])
  expect(after.state).toBe(9)
})

test('refund after shipping: 3 → 6 records the reason and message', async () => {
  const { seller, order } = await acceptedOrder([{ sku: 'R' }])
  await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 3, tracking_number: 'T' } })
  const refunded = await json<Order>(
    await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 6, sku: 'R', return_reason: 21, return_message: 'Refund issued.' } }),
  )
  expect(refunded.orderlines[0]).toMatchObject({ state: 6, return_reason: 21, return_message: 'Refund issued.' })
  expect(refunded.state).toBe(9)
})

test('cancel before acceptance 1 → 4, refund before shipping 2 → 5; each from its own state only', async () => {
  const { seller, order } = await acceptedOrder([{ sku: 'A' }])
  const fresh = await seller.order({ lines: [{ sku: 'C' }] })
  const move = (o: Order, body: object) => seller.bm(`/ws/orders/${o.order_id}`, { body: { order_id: o.order_id, ...body } })

  expect((await json<ErrorResponseV1>(await move(order, { new_state: 4, sku: 'A' }))).error.data).toEqual({ current_state: 2, requested_state: 4 })
  expect((await json<Order>(await move(order, { new_state: 5, sku: 'A', return_message: 'Out of stock, sorry.' }))).orderlines[0]).toMatchObject({ state: 5, return_message: 'Out of stock, sorry.' })
  expect((await json<ErrorResponseV1>(await move(fresh, { new_state: 5, sku: 'C' }))).error.data).toEqual({ current_state: 1, requested_state: 5 })
  const cancelled = await json<Order>(await move(fresh, { new_state: 4, sku: 'C' }))
  expect(cancelled).toMatchObject({ state: 9, orderlines: [{ state: 4 }] })
})

test('a refund after shipping without return_reason is a 400 naming it, and changes nothing', async () => {
  const { seller, order } = await acceptedOrder([{ sku: 'R' }])
  const shipped = await json<Order>(await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 3, tracking_number: 'T' } }))
  const res = await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 6, sku: 'R', return_message: 'Refund issued.' } })
  expect(res.status).toBe(400)
  expect((await json<ErrorResponseV1>(res)).error).toMatchObject({ code: 'validation-error', target: 'return_reason' })
  expect(await json(await seller.bm(`/ws/orders/${order.order_id}`))).toEqual(shipped)
})

test('400 invalid-state-transition names the current and requested states, and changes nothing', async () => {
  const seller = await newSeller(sandbox())
  const order = await seller.order({ lines: [{ sku: 'S' }] })
  const res = await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 5, sku: 'S' } })
  expect(res.status).toBe(400)
  expect((await json<ErrorResponseV1>(res)).error).toMatchObject({
    code: 'invalid-state-transition',
    target: 'new_state',
    data: { current_state: 1, requested_state: 5 },
  })
  expect(await json(await seller.bm(`/ws/orders/${order.order_id}`))).toEqual(order)
})

test('re-sending an applied state is a 400 too (accept twice, ship twice)', async () => {
  const { seller, order } = await acceptedOrder([{ sku: 'S' }])
  const again = await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 2, sku: 'S' } })
  expect(again.status).toBe(400)
  expect((await json<ErrorResponseV1>(again)).error.data).toEqual({ current_state: 2, requested_state: 2 })
  const ship = { order_id: order.order_id, new_state: 3, tracking_number: 'T' }
  expect((await seller.bm(`/ws/orders/${order.order_id}`, { body: ship })).status).toBe(200)
  const twice = await seller.bm(`/ws/orders/${order.order_id}`, { body: ship })
  expect(twice.status).toBe(400)
  expect((await json<ErrorResponseV1>(twice)).error.data).toEqual({ current_state: 3, requested_state: 3 })
})

test('shipping before every open line is accepted is a 400', async () => {
  const seller = await newSeller(sandbox())
  const order = await seller.order({ lines: [{ sku: 'A' }, { sku: 'B' }] })
  await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 2, sku: 'A' } })
  const res = await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 3, tracking_number: 'T' } })
  expect(res.status).toBe(400)
  expect((await json<ErrorResponseV1>(res)).error).toMatchObject({ code: 'invalid-state-transition', data: { current_state: 1, requested_state: 3 } })
})

test('400 when new_state 3 comes without tracking_number', async () => {
  const { seller, order } = await acceptedOrder()
  for (const body of [{ order_id: order.order_id, new_state: 3 }, { order_id: order.order_id, new_state: 3, tracking_number: '  ' }]) {
    const res = await seller.bm(`/ws/orders/${order.order_id}`, { body })
    expect(res.status).toBe(400)
    expect((await json<ErrorResponseV1>(res)).error).toMatchObject({ code: 'validation-error', target: 'tracking_number' })
  }
})

test('400 when the body order_id is missing or differs from the URL', async () => {
  const seller = await newSeller(sandbox())
  const order = await seller.order({ lines: [{ sku: 'S' }] })
  for (const body of [{ new_state: 2, sku: 'S' }, { order_id: order.order_id + 1, new_state: 2, sku: 'S' }, { order_id: 'abc', new_state: 2, sku: 'S' }]) {
    const res = await seller.bm(`/ws/orders/${order.order_id}`, { body })
    expect(res.status).toBe(400)
    expect((await json<ErrorResponseV1>(res)).error.target).toBe('order_id')
  }
})

test('404 "The listing doesn\'t exist" when the sku matches no line of the order', async () => {
  const seller = await newSeller(sandbox())
  const order = await seller.order({ lines: [{ sku: 'Real-SKU' }] })
  for (const sku of ['OTHER', 'real-sku']) {
    const res = await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 2, sku } })
    expect(res.status).toBe(404)
    expect((await json<ErrorResponseV1>(res)).error).toMatchObject({ code: 'not-found', message: "The listing doesn't exist", target: 'sku' })
  }
})

test('400 when sku is missing for a one-line transition, or new_state is not a line state', async () => {
  const seller = await newSeller(sandbox())
  const order = await seller.order()
  const noSku = await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 2 } })
  expect((await json<ErrorResponseV1>(noSku)).error.target).toBe('sku')
  const badState = await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 42, sku: 'X' } })
  expect(badState.status).toBe(400)
  expect((await json<ErrorResponseV1>(badState)).error.target).toBe('new_state')
  const notJson = await seller.bm(`/ws/orders/${order.order_id}`, { body: '{"order_id":' })
  expect(notJson.status).toBe(400)
})

test('IMEI: 15 digits, and only on a single line of quantity 1', async () => {
  const single = await acceptedOrder([{ sku: 'S' }])
  const badImei = await single.seller.bm(`/ws/orders/${single.order.order_id}`, {
    body: { order_id: single.order.order_id, new_state: 3, tracking_number: 'T', imei: '35678901234567X' },
  })
  expect(badImei.status).toBe(400)
  expect((await json<ErrorResponseV1>(badImei)).error.target).toBe('imei')

  for (const lines of [[{ sku: 'A' }, { sku: 'B' }], [{ sku: 'C', quantity: 2 }]]) {
    const { seller, order } = await acceptedOrder(lines)
    const res = await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 3, tracking_number: 'T', imei: '356789012345678' } })
    expect(res.status).toBe(400)
    expect((await json<ErrorResponseV1>(res)).error.target).toBe('imei')
    const serial = await seller.bm(`/ws/orders/${order.order_id}`, { body: { order_id: order.order_id, new_state: 3, tracking_number: 'T', serial_number: 'F2LX' } })
    expect((await json<ErrorResponseV1>(serial)).error.target).toBe('serial_number')
  }
})
