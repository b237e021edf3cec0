import { expect, test } from 'vitest'
import { planTick, waitsForAddressFix, type PlanConfig, type SimAction, type SimOrder, type SimProduct } from './plan-tick'
import { seededRandom } from './random'

const CALM: PlanConfig = { batch: 2, advanceChance: 1, stockMovesPerTick: 0, failureShare: 0, canStageOnBackMarket: true, cancelChance: 0, stockLevelShare: 0 }
const GOOD_ADDRESS = {
  company: null,
  firstName: 'Camille',
  lastName: 'Martin',
  street: '12 rue de la Paix',
  street2: null,
  postalCode: '75002',
  city: 'Paris',
  country: 'FR',
  phone: '+33612345678',
  email: 'camille.martin@relay.example',
}
const T0 = Date.parse('2026-11-26T08:00:00Z')
let n = 0

function order(over: Partial<SimOrder> = {}): SimOrder {
  n += 1
  return {
    id: `order-${n}`,
    reference: String(40000000 + n),
    status: 'CREATED',
    version: 1,
    placedAt: new Date(T0 + n * 1000),
    updatedAt: new Date(T0 + n * 1000),
    shipper: 'Colissimo',
    address: { ...GOOD_ADDRESS },
    addressIssues: null,
    addressCheckedAt: null,
    addressUpdatedAt: new Date(T0),
    lines: [{ id: `line-${n}`, sku: `SKU-${n}`, listing: `SKU-${n}`, bmState: 1 }],
    ...over,
  }
}

const plan = (orders: SimOrder[], config: Partial<PlanConfig> = {}, products: SimProduct[] = [], seed = 1) =>
  planTick({ orders, products, random: seededRandom(seed), config: { ...CALM, ...config } })
const summary = (actions: SimAction[]) => actions.map((a) => `${a.kind} ${'order' in a ? a.order.reference : a.sku}`)

test('validates the oldest CREATED orders first, a batch per tick', () => {
  const newest = order({ placedAt: new Date(T0 + 9e6) })
  const oldest = order({ placedAt: new Date(T0 - 9e6) })
  const middle = order()

  expect(summary(plan([newest, middle, oldest]))).toEqual([`validate ${oldest.reference}`, `validate ${middle.reference}`])
})

test('orders waiting for an address fix stay put until the address changes; unreleased orders are left alone', () => {
  const checked = new Date(T0 + 5000)
  const blocked = order({ addressIssues: [{ code: 'STREET_MISSING', severity: 'error' }], addressCheckedAt: checked, addressUpdatedAt: new Date(T0) })
  const fixed = order({ addressIssues: [{ code: 'STREET_MISSING', severity: 'error' }], addressCheckedAt: checked, addressUpdatedAt: new Date(T0 + 9000) })
  const warnedOnly = order({ addressIssues: [{ code: 'EMAIL_INVALID', severity: 'warning' }], addressCheckedAt: checked })
  const unpaid = order({ lines: [{ id: 'l', sku: 'S', listing: 'S', bmState: 8 }] })

  expect(waitsForAddressFix(blocked)).toBe(true)
  expect(waitsForAddressFix(fixed)).toBe(false)
  expect(summary(plan([blocked, fixed, warnedOnly, unpaid], { batch: 5 }))).toEqual([`validate ${fixed.reference}`, `validate ${warnedOnly.reference}`])
})

test('moves each stage one step, each order at most once, with the version it was seen at', () => {
  const orders = [
    order({ status: 'VALIDATED', version: 2 }),
    order({ status: 'PICKING', version: 3 }),
    order({ status: 'PACKED', version: 4, lines: [{ id: 'l', sku: 'S', listing: 'S', bmState: 2 }] }),
    order({ status: 'IN_TRANSIT', version: 5 }),
    order({ status: 'DELIVERED' }),
    order({ status: 'CANCELLED' }),
  ]

  const actions = plan(orders)

  expect(actions.map((a) => a.kind)).toEqual(['mark-delivered', 'ship', 'mark-packed', 'start-picking'])
  expect(actions.map((a) => ('order' in a ? a.order.version : null))).toEqual([5, 4, 3, 2])
  expect(new Set(actions.map((a) => ('order' in a ? a.order.id : ''))).size).toBe(4)
})

test('a batch per stage, oldest in the stage first', () => {
  const picking = [3, 1, 2].map((i) => order({ status: 'PICKING', updatedAt: new Date(T0 + i * 1000) }))

  expect(summary(plan(picking))).toEqual([`mark-packed ${picking[1]!.reference}`, `mark-packed ${picking[2]!.reference}`])
})

test('with no chance to advance, nothing moves', () => {
  expect(plan([order({ status: 'VALIDATED' }), order({ status: 'IN_TRANSIT' })], { advanceChance: 0 })).toEqual([])
})

test('a parcel ships only once Back Market has accepted every live line, with a tracking number of its carrier', () => {
  const waiting = order({ status: 'PACKED', lines: [{ id: 'a', sku: 'A', listing: 'A', bmState: 1 }] })
  const ready = order({ status: 'PACKED', shipper: 'Royal Mail Express', lines: [{ id: 'b', sku: 'B', listing: 'B', bmState: 2 }, { id: 'c', sku: 'C', listing: 'C', bmState: 4 }] })
  const allCancelled = order({ status: 'PACKED', lines: [{ id: 'd', sku: 'D', listing: 'D', bmState: 4 }] })

  const actions = plan([waiting, ready, allCancelled], { batch: 5 })

  expect(actions).toHaveLength(1)
  expect(actions[0]).toMatchObject({ kind: 'ship', order: { reference: ready.reference }, carrier: 'Royal Mail Express' })
  const ship = actions[0] as Extract<SimAction, { kind: 'ship' }>
  expect(ship.trackingNumber).toMatch(/^[A-Z]{2}\d{9}GB$/)
  expect(ship.trackingUrl).toBe(`https://www.royalmail.com/track-your-item#/tracking-results/${ship.trackingNumber}`)
})

test('a staged accept failure renames our SKU, then validates at the next version', () => {
  const o = order({ version: 3 })

  const actions = plan([o], { failureShare: 2, canStageOnBackMarket: false })

  expect(actions).toEqual([
    { kind: 'rename-sku', order: { id: o.id, reference: o.reference, version: 3 }, lineId: o.lines[0]!.id, from: o.lines[0]!.sku, to: expect.stringMatching(/^SKU-\d+-WH\d{2}$/) },
    { kind: 'validate', order: { id: o.id, reference: o.reference, version: 4 } },
  ])
})

test('with the sandbox, staged failures also change the order by hand on Back Market', () => {
  const orders = Array.from({ length: 40 }, () => order())
  const packed = order({ status: 'PACKED', lines: [{ id: 'p', sku: 'P', listing: 'P-LISTING', bmState: 2 }] })

  const actions = plan([...orders, packed], { failureShare: 2, batch: 40 }, [], 7)

  const byHand = actions.filter((a) => a.kind === 'set-bm-line-state')
  expect(byHand).toContainEqual({ kind: 'set-bm-line-state', order: expect.objectContaining({ id: packed.id }), listing: 'P-LISTING', state: 5 })
  expect(byHand.filter((a) => a.order.id !== packed.id).every((a) => a.state === 4)).toBe(true)
  expect(byHand.length).toBeGreaterThan(5)
  expect(actions.some((a) => a.kind === 'rename-sku')).toBe(true)
  // Every staged order is still validated (or shipped) right after its failure is staged.
  for (const [i, a] of actions.entries()) {
    if (a.kind === 'set-bm-line-state' || a.kind === 'rename-sku') expect(actions[i + 1]).toMatchObject({ order: { id: a.order.id } })
  }
})

test('about the configured share of orders gets a staged failure', () => {
  const orders = Array.from({ length: 3000 }, () => order())

  const staged = plan(orders, { batch: 3000, failureShare: 1 / 30 }, [], 42).filter((a) => a.kind !== 'validate')

  // Only the accept half of the share applies to CREATED orders: 1/60 of 3000 = 50.
  expect(staged.length).toBeGreaterThan(25)
  expect(staged.length).toBeLessThan(80)
})

test('no failure is staged on an order with no line left to accept, or that its address will keep CREATED', () => {
  const accepted = order({ lines: [{ id: 'x', sku: 'X', listing: 'X', bmState: 2 }] })
  const noStreet = order({ address: { ...GOOD_ADDRESS, street: null } })
  const fixable = order({ address: { ...GOOD_ADDRESS, phone: '06 12 34 56 78' } })

  expect(summary(plan([accepted, noStreet, fixable], { failureShare: 2, batch: 3 }))).toEqual([
    `validate ${accepted.reference}`,
    `validate ${noStreet.reference}`,
    `rename-sku ${fixable.reference}`,
    `validate ${fixable.reference}`,
  ])
})

test('stock moves restock low products and never take out more than is on hand', () => {
  const products = [
    { sku: 'EMPTY', quantity: 0 },
    { sku: 'ONE', quantity: 1 },
    { sku: 'MANY', quantity: 40 },
  ]

  const moves = plan([], { stockMovesPerTick: 500 }, products, 3) as Extract<SimAction, { kind: 'stock' }>[]

  expect(moves).toHaveLength(500)
  for (const m of moves) {
    const onHand = products.find((p) => p.sku === m.sku)!.quantity
    expect(onHand + m.delta).toBeGreaterThanOrEqual(0)
    expect(m.delta).not.toBe(0)
    expect(m.reason).toMatch(m.delta > 0 ? /^restock$/ : /^adjustment: /)
  }
  expect(moves.filter((m) => m.sku !== 'MANY').every((m) => m.delta > 0)).toBe(true)
  expect(moves.some((m) => m.sku === 'MANY' && m.delta < 0)).toBe(true)
})

test('the same seed gives the same plan; an empty world gives none', () => {
  const orders = [order(), order({ status: 'PICKING' }), order({ status: 'IN_TRANSIT' })]
  const products = [{ sku: 'A', quantity: 10 }]
  const config = { advanceChance: 0.5, stockMovesPerTick: 3, failureShare: 0.3 }

  expect(plan(orders, config, products, 11)).toEqual(plan(orders, config, products, 11))
  expect(plan([], config, [], 11)).toEqual([])
})

test('now and then one live line of an order nothing else moves is cancelled; in transit, as a refund with a reason', () => {
  const moving = order({ status: 'VALIDATED' })
  const inTransit = order({ status: 'IN_TRANSIT', lines: [{ id: 'd', sku: 'DEAD', listing: 'DEAD', bmState: 4 }, { id: 't', sku: 'LIVE', listing: 'LIVE', bmState: 3 }] })

  const actions = plan([moving, inTransit], { cancelChance: 1, advanceChance: 1, batch: 0 }, [], 5)

  expect(actions).toEqual([{ kind: 'cancel-line', order: expect.objectContaining({ id: inTransit.id }), sku: 'LIVE', refund: { returnReason: expect.any(Number), returnMessage: expect.any(String) } }])
  const validated = plan([moving], { cancelChance: 1, batch: 0 }, [], 5)
  expect(validated).toEqual([{ kind: 'cancel-line', order: expect.objectContaining({ id: moving.id }), sku: moving.lines[0]!.sku, refund: null }])
  expect(plan([order({ status: 'DELIVERED' }), order({ lines: [{ id: 'u', sku: 'U', listing: 'U', bmState: 8 }] })], { cancelChance: 1 })).toEqual([])
})

test('cancellations are rare at a small chance, and never on an order moved in the same tick', () => {
  const orders = Array.from({ length: 4 }, () => order({ status: 'PICKING' }))
  let cancels = 0
  for (let seed = 1; seed <= 400; seed++) {
    const actions = plan(orders, { cancelChance: 0.05, batch: 2 }, [], seed)
    const moved = new Set(actions.filter((a) => a.kind === 'mark-packed').map((a) => (a as { order: { id: string } }).order.id))
    for (const a of actions) if (a.kind === 'cancel-line') expect(moved.has(a.order.id)).toBe(false)
    cancels += actions.filter((a) => a.kind === 'cancel-line').length
  }
  expect(cancels).toBeGreaterThan(5)
  expect(cancels).toBeLessThan(40)
})

test('some stock actions are inventory counts: an absolute level near the books, never below zero', () => {
  const products = [{ sku: 'EMPTY', quantity: 0 }, { sku: 'MANY', quantity: 40 }]

  const actions = plan([], { stockMovesPerTick: 400, stockLevelShare: 0.25 }, products, 9)

  const counts = actions.filter((a) => a.kind === 'stock-level')
  expect(counts.length).toBeGreaterThan(60)
  expect(counts.length).toBeLessThan(140)
  for (const c of counts) {
    const books = products.find((p) => p.sku === c.sku)!.quantity
    expect(c.quantity).toBeGreaterThanOrEqual(Math.max(0, books - 2))
    expect(c.quantity).toBeLessThanOrEqual(books + 1)
  }
})
