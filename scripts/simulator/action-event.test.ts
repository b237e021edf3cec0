import { expect, test } from 'vitest'
import { WarehouseEventSchema } from '@/lib/warehouse-events/event-schema'
import { actionToEvent, type EventContext } from './action-event'
import type { SimAction } from './plan-tick'

const MERCHANT = '5b0c1b8e-8d8a-4a52-9d9e-3d1e0c7f0a11'
const AT = new Date('2026-12-06T09:30:00Z')
let ids = 0
const ctx: EventContext = { merchantId: MERCHANT, occurredAt: AT, newId: () => `n${++ids}` }
const order = { id: '0b5e2f64-1111-4c1e-9a57-7f1d2e3c4b5a', reference: '41234567', version: 3 }

const ACTIONS: SimAction[] = [
  { kind: 'validate', order },
  { kind: 'start-picking', order },
  { kind: 'mark-packed', order },
  { kind: 'ship', order, carrier: 'Colissimo', trackingNumber: '6A12345678901', trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901' },
  { kind: 'mark-delivered', order },
  { kind: 'cancel-line', order, sku: 'PIXEL-7', refund: null },
  { kind: 'cancel-line', order, sku: 'PIXEL-8', refund: { returnReason: 13, returnMessage: 'The carrier lost your parcel.' } },
  { kind: 'stock', sku: 'PIXEL-7', delta: -2, reason: 'adjustment: damaged in storage' },
  { kind: 'stock-level', sku: 'PIXEL-7', quantity: 12 },
]

test('every warehouse action is a valid event of the wire contract, at the time given, for the merchant', () => {
  const events = ACTIONS.map((a) => actionToEvent(a, ctx))

  expect(events.map((e) => e?.type)).toEqual([
    'order.validated',
    'order.picking_started',
    'order.packed',
    'order.shipped',
    'order.delivered',
    'order.line_cancelled',
    'order.line_cancelled',
    'stock.adjusted',
    'stock.level',
  ])
  for (const e of events) {
    const parsed = WarehouseEventSchema.safeParse(e)
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true)
    expect(e).toMatchObject({ merchantId: MERCHANT, occurredAt: '2026-12-06T09:30:00.000Z' })
  }
  expect(events[3]!.data).toEqual({ reference: '41234567', carrier: 'Colissimo', trackingNumber: '6A12345678901', trackingUrl: expect.stringContaining('6A12345678901') })
  expect(events[6]!.data).toEqual({ reference: '41234567', sku: 'PIXEL-8', returnReason: 13, returnMessage: 'The carrier lost your parcel.' })
  expect(events[7]!.data).toEqual({ sku: 'PIXEL-7', delta: -2, reason: 'adjustment: damaged in storage' })
})

test('an order move planned again from the same version is the same event id; from the next version, a new one', () => {
  const later = { ...ctx, occurredAt: new Date(AT.getTime() + 5000) }
  const once = actionToEvent({ kind: 'start-picking', order }, ctx)!
  const again = actionToEvent({ kind: 'start-picking', order }, later)!
  const next = actionToEvent({ kind: 'start-picking', order: { ...order, version: 4 } }, ctx)!

  expect(again.id).toBe(once.id)
  expect(next.id).not.toBe(once.id)
  expect(new Set(ACTIONS.map((a) => actionToEvent(a, ctx)!.id)).size).toBe(ACTIONS.length)
})

test('stock events get a new id per action; staged Back Market failures are not events', () => {
  const move: SimAction = { kind: 'stock', sku: 'A', delta: 1, reason: 'restock' }
  expect(actionToEvent(move, ctx)!.id).not.toBe(actionToEvent(move, ctx)!.id)
  expect(actionToEvent({ kind: 'rename-sku', order, lineId: 'l', from: 'A', to: 'A-WH12' }, ctx)).toBeNull()
  expect(actionToEvent({ kind: 'set-bm-line-state', order, listing: 'A', state: 4 }, ctx)).toBeNull()
})
