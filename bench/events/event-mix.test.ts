import { expect, test } from 'vitest'
import { WarehouseEventSchema } from '@/lib/warehouse-events/event-schema'
import { batches, latestLevels, mixedEvents, shuffledLevels } from './event-mix'
import type { FlowMerchant } from './seed'

const merchant = (i: number): FlowMerchant => ({
  id: `5b0c1b8e-8d8a-4a52-9d9e-3d1e0c7f0a1${i}`,
  references: Array.from({ length: 40 }, (_, j) => String(41_000_000 + i * 1000 + j)),
  adjustSkus: ['ADJ-A', 'ADJ-B'],
  levelSkus: ['LVL-A', 'LVL-B'],
  initialQuantity: 1000,
})

test('the mix is exactly the total: every order flow whole and in step order, the rest stock, all valid events', () => {
  const mix = mixedEvents({ prefix: 'tp', merchants: [merchant(1), merchant(2)], total: 1_000, parkedShare: 0.1, seed: 4, t0: Date.parse('2026-12-01T08:00:00Z') })

  expect(mix.events).toHaveLength(1_000)
  expect(mix).toMatchObject({ orders: 80, parkedOrders: 8, adjustments: 280, levels: 280 })
  expect(new Set(mix.events.map((e) => e.id)).size).toBe(1_000)
  for (const e of mix.events) expect(WarehouseEventSchema.safeParse(e).success).toBe(true)
  const times = mix.events.map((e) => Date.parse(e.occurredAt))
  expect(times).toEqual([...times].sort((a, b) => a - b))
  const flow = mix.events.filter((e) => 'reference' in e.data && e.data.reference === '41001000').map((e) => e.type)
  expect(flow).toEqual(['order.validated', 'order.picking_started', 'order.packed', 'order.shipped', 'order.delivered'])
  const adjusted = mix.events.filter((e) => e.type === 'stock.adjusted')
  expect(adjusted.every((e) => e.type === 'stock.adjusted' && e.data.reason === `bench ${e.id}` && e.data.delta > 0)).toBe(true)
})

test('order flows that do not fit are refused rather than cut', () => {
  expect(() => mixedEvents({ prefix: 'x', merchants: [merchant(1)], total: 100, parkedShare: 0, seed: 1, t0: 0 })).toThrow(/do not fit/)
})

test('shuffled levels end at the count with the latest occurredAt, not the last one sent', () => {
  const events = shuffledLevels({ prefix: 'stk', merchantId: merchant(1).id, skus: ['A', 'B', 'C'], total: 300, seed: 8, t0: 0 })
  const latest = latestLevels(events)

  expect(latest.size).toBe(3)
  for (const sku of ['A', 'B', 'C']) {
    const mine = events.filter((e) => e.type === 'stock.level' && e.data.sku === sku)
    const newest = mine.reduce((a, b) => (Date.parse(b.occurredAt) > Date.parse(a.occurredAt) ? b : a))
    expect(latest.get(sku)).toBe(newest.type === 'stock.level' ? newest.data.quantity : NaN)
  }
  const sent = events.map((e) => Date.parse(e.occurredAt))
  expect(sent).not.toEqual([...sent].sort((a, b) => a - b))
  expect(batches(events, 128).map((b) => b.length)).toEqual([128, 128, 44])
})
