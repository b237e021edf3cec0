// The events bench:events sends, made up front from a seed (pure): whole order flows for imported
// orders (validated → picking → packed → shipped → delivered) plus a few for orders never imported
// (they park), stock movements and stock counts; and, for the stock run, counts over a set of SKUs
// sent in a shuffled order, so older levels keep arriving after newer ones.
import type { WarehouseEventInput } from '@/lib/warehouse-events/event-schema'
import { seededRandom, type Random } from '@/scripts/simulator/random'
import type { FlowMerchant } from './seed'

const FLOW = ['order.validated', 'order.picking_started', 'order.packed', 'order.shipped', 'order.delivered'] as const
const STEP_MS = 10 * 60_000
const SPAN_MS = 60 * 60_000

export type MixOptions = {
  prefix: string
  merchants: FlowMerchant[]
  total: number
  /** Orders that were never imported, as a share of the imported ones used. */
  parkedShare: number
  seed: number
  /** The time the stream starts at (ms). */
  t0: number
}

export type Mix = { events: WarehouseEventInput[]; orders: number; parkedOrders: number; adjustments: number; levels: number }

/** `total` events: every given order's flow, then stock (half movements, half counts), in time order. */
export function mixedEvents(o: MixOptions): Mix {
  const random = seededRandom(o.seed)
  let n = 0
  const at = (ms: number) => new Date(o.t0 + ms).toISOString()
  const timed: { t: number; event: WarehouseEventInput }[] = []
  const push = (t: number, event: Omit<WarehouseEventInput, 'id' | 'occurredAt'>) =>
    timed.push({ t, event: { ...event, id: `${o.prefix}-${++n}`, occurredAt: at(t) } as WarehouseEventInput })

  const orders = o.merchants.reduce((a, m) => a + m.references.length, 0)
  const parkedOrders = Math.round(orders * o.parkedShare)
  if ((orders + parkedOrders) * FLOW.length > o.total) throw new Error(`${orders + parkedOrders} order flows do not fit in ${o.total} events`)
  const flows = [
    ...o.merchants.flatMap((m) => m.references.map((reference) => ({ merchantId: m.id, reference }))),
    ...Array.from({ length: parkedOrders }, (_, i) => ({ merchantId: o.merchants[i % o.merchants.length]!.id, reference: `9${String(o.seed).padStart(3, '0')}${String(i).padStart(8, '0')}` })),
  ]
  for (const f of flows) {
    const start = random() * SPAN_MS
    FLOW.forEach((type, step) => {
      const data = type === 'order.shipped' ? { reference: f.reference, carrier: 'Colissimo', trackingNumber: `6A${String(n).padStart(11, '0')}` } : { reference: f.reference }
      push(start + step * STEP_MS, { type, merchantId: f.merchantId, data } as never)
    })
  }
  const stock = o.total - flows.length * FLOW.length
  const adjustments = Math.ceil(stock / 2)
  for (let i = 0; i < stock; i++) {
    const m = o.merchants[i % o.merchants.length]!
    const t = random() * (SPAN_MS + FLOW.length * STEP_MS)
    if (i < adjustments) {
      const id = `${o.prefix}-${n + 1}`
      push(t, { type: 'stock.adjusted', merchantId: m.id, data: { sku: pick(random, m.adjustSkus), delta: 1 + Math.floor(random() * 5), reason: `bench ${id}` } })
    } else {
      push(t, { type: 'stock.level', merchantId: m.id, data: { sku: pick(random, m.levelSkus), quantity: Math.floor(random() * 500) } })
    }
  }
  timed.sort((a, b) => a.t - b.t)
  return { events: timed.map((x) => x.event), orders, parkedOrders, adjustments, levels: stock - adjustments }
}

/** `total` counts over `skus`, each at its own instant, sent in a random order. */
export function shuffledLevels(o: { prefix: string; merchantId: string; skus: string[]; total: number; seed: number; t0: number }): WarehouseEventInput[] {
  const random = seededRandom(o.seed)
  const events: WarehouseEventInput[] = Array.from({ length: o.total }, (_, i) => ({
    id: `${o.prefix}-${i + 1}`,
    type: 'stock.level',
    merchantId: o.merchantId,
    occurredAt: new Date(o.t0 + i * 7).toISOString(),
    data: { sku: o.skus[i % o.skus.length]!, quantity: Math.floor(random() * 1_000) },
  }))
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[events[i], events[j]] = [events[j]!, events[i]!]
  }
  return events
}

/** What each SKU's level must end at: the count with the latest occurredAt, whatever order they came in. */
export function latestLevels(events: readonly WarehouseEventInput[]): Map<string, number> {
  const latest = new Map<string, { t: number; quantity: number }>()
  for (const e of events) {
    if (e.type !== 'stock.level') continue
    const t = Date.parse(e.occurredAt)
    const seen = latest.get(e.data.sku)
    if (!seen || t > seen.t) latest.set(e.data.sku, { t, quantity: e.data.quantity })
  }
  return new Map([...latest].map(([sku, v]) => [sku, v.quantity]))
}

/** Consecutive batches of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}
