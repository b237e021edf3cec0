// What the simulated warehouse does for one merchant in one tick, decided from a snapshot and a
// random source only (pure, so it is tested without a database). Warehouse actions become events
// posted to the warehouse events API (action-event.ts); the staged Back Market failures are done
// in place. The event id carries the version seen here, so an action planned twice from the same
// state is the same event, and the app's processor re-checks the state when it applies it.
import type { Address } from '@/lib/addresses/address-schema'
import { autoFix } from '@/lib/addresses/auto-fix'
import { checkAddress } from '@/lib/addresses/check-address'
import { ORDERLINE_STATE } from '@/lib/backmarket/states'
import type { OrderStatus } from '@/lib/generated/prisma/enums'
import { pickOne, randomInt, type Random } from './random'
import { parcelFor } from './tracking'

export type SimLine = { id: string; sku: string; listing: string; bmState: number }

export type SimOrder = {
  id: string
  reference: string
  status: OrderStatus
  version: number
  placedAt: Date | null
  /** When it entered its current status, near enough: the flow's order of service. */
  updatedAt: Date
  shipper: string | null
  /** The CURRENT address, null if the order has none. */
  address: Address | null
  addressIssues: unknown
  addressCheckedAt: Date | null
  addressUpdatedAt: Date | null
  lines: SimLine[]
}

export type SimProduct = { sku: string; quantity: number }

export type PlanConfig = {
  /** Orders validated per tick, and orders moved per stage per tick. */
  batch: number
  /** Chance that an eligible order moves this tick, so orders do not march in lockstep. */
  advanceChance: number
  stockMovesPerTick: number
  /** Share of orders that get a staged Back Market failure (about; split between accept and ship). */
  failureShare: number
  /** Whether the Back Market we talk to is the sandbox, whose control API can change an order by hand. */
  canStageOnBackMarket: boolean
  /** Chance per tick that one order loses a line (cancelled by the warehouse). 0 turns them off. */
  cancelChance: number
  /** Share of stock actions that are an inventory count (an absolute level) rather than a movement. */
  stockLevelShare: number
}

export type OrderRef = { id: string; reference: string; version: number }

export type SimAction =
  | { kind: 'validate' | 'start-picking' | 'mark-packed' | 'mark-delivered'; order: OrderRef }
  | { kind: 'ship'; order: OrderRef; carrier: string; trackingNumber: string; trackingUrl: string }
  /** Our SKU renamed in the warehouse after the sale: Back Market's accept answers 404. */
  | { kind: 'rename-sku'; order: OrderRef; lineId: string; from: string; to: string }
  /** A line changed by hand in Back Market's back office: the next transition gets a 400. */
  | { kind: 'set-bm-line-state'; order: OrderRef; listing: string; state: number }
  | { kind: 'stock'; sku: string; delta: number; reason: string }
  /** An inventory count: the absolute level on hand. */
  | { kind: 'stock-level'; sku: string; quantity: number }
  /** One line cancelled; after shipping, a refund with Back Market's return reason and a message. */
  | { kind: 'cancel-line'; order: OrderRef; sku: string; refund: Refund | null }

/** What Back Market asks for when a shipped line is refunded (ReturnReason, docs/backmarket.md §1.5). */
export type Refund = { returnReason: 12 | 13; returnMessage: string }

const REFUNDS: readonly Refund[] = [
  { returnReason: 12, returnMessage: 'Your parcel did not reach its destination: you are refunded in full.' },
  { returnReason: 13, returnMessage: 'The carrier lost your parcel: you are refunded in full.' },
]

const { TO_ACCEPT, ACCEPTED, CANCELLED, REFUNDED_BEFORE_SHIPPING, NOT_PAID, NEW, ON_HOLD, PENDING_PAYMENT } = ORDERLINE_STATE
const DEAD: ReadonlySet<number> = new Set([CANCELLED, REFUNDED_BEFORE_SHIPPING, NOT_PAID])
const NOT_RELEASED: ReadonlySet<number> = new Set([NEW, ON_HOLD, PENDING_PAYMENT])
const LOW_STOCK = 3

export function planTick(input: { orders: SimOrder[]; products: SimProduct[]; random: Random; config: PlanConfig }): SimAction[] {
  const { orders, products, random, config } = input
  const inStatus = (status: OrderStatus) => orders.filter((o) => o.status === status).sort(byUpdatedAt)
  const advancing = (status: OrderStatus, eligible: (o: SimOrder) => boolean = () => true) =>
    inStatus(status)
      .filter(eligible)
      .slice(0, config.batch)
      .filter(() => random() < config.advanceChance)
  // A staged failure is decided at two points (accept, ship), each taking half the share.
  const stageFailure = () => random() < config.failureShare / 2

  const actions: SimAction[] = []
  // Later stages first: the warehouse clears its dock before taking more in.
  for (const o of advancing('IN_TRANSIT')) actions.push({ kind: 'mark-delivered', order: ref(o) })
  for (const o of advancing('PACKED', acceptedOnBackMarket)) {
    const live = o.lines.filter((l) => !DEAD.has(l.bmState))
    const line = pickOne(random, live)
    // The buyer is refunded in Back Market's back office while the parcel leaves: shipping is refused.
    if (stageFailure() && line && config.canStageOnBackMarket) {
      actions.push({ kind: 'set-bm-line-state', order: ref(o), listing: line.listing, state: REFUNDED_BEFORE_SHIPPING })
    }
    actions.push({ kind: 'ship', order: ref(o), ...parcelFor({ shipper: o.shipper, country: o.address?.country ?? null }, random) })
  }
  for (const o of advancing('PICKING')) actions.push({ kind: 'mark-packed', order: ref(o) })
  for (const o of advancing('VALIDATED')) actions.push({ kind: 'start-picking', order: ref(o) })

  const toValidate = orders
    .filter((o) => o.status === 'CREATED' && !waitsForAddressFix(o) && !o.lines.some((l) => NOT_RELEASED.has(l.bmState)))
    .sort(byPlacedAt)
    .slice(0, config.batch)
  for (const o of toValidate) {
    const line = pickOne(random, o.lines.filter((l) => l.bmState === TO_ACCEPT))
    // A failure staged on an order its address keeps CREATED would never reach Back Market.
    if (!stageFailure() || !line || !addressWouldPass(o)) {
      actions.push({ kind: 'validate', order: ref(o) })
    } else if (config.canStageOnBackMarket && random() < 0.5) {
      actions.push({ kind: 'set-bm-line-state', order: ref(o), listing: line.listing, state: CANCELLED })
      actions.push({ kind: 'validate', order: ref(o) })
    } else {
      const to = `${line.sku}-WH${randomInt(random, 10, 99)}`
      actions.push({ kind: 'rename-sku', order: ref(o), lineId: line.id, from: line.sku, to })
      // The rename is itself a compare-and-set on the order: validation follows at the next version.
      actions.push({ kind: 'validate', order: { ...ref(o), version: o.version + 1 } })
    }
  }

  for (let i = 0; i < config.stockMovesPerTick; i++) {
    const product = pickOne(random, products)
    if (!product) continue
    // Drawn only when counts are on, so a plan without them is the same as before they existed.
    const count = config.stockLevelShare > 0 && random() < config.stockLevelShare
    actions.push(count ? { kind: 'stock-level', sku: product.sku, quantity: inventoryCount(product, random) } : stockMove(product, random))
  }

  if (config.cancelChance > 0 && random() < config.cancelChance) {
    const cancel = lineToCancel(orders, new Set(actions.flatMap((a) => ('order' in a ? [a.order.id] : []))), random)
    if (cancel) actions.push(cancel)
  }
  return actions
}

const CANCELLABLE: ReadonlySet<OrderStatus> = new Set(['CREATED', 'VALIDATED', 'PICKING', 'PACKED', 'IN_TRANSIT'])

/** A live line of an order nothing else touches this tick (two events on one order in one tick would race). */
function lineToCancel(orders: SimOrder[], busy: Set<string>, random: Random): SimAction | null {
  const candidates = orders.filter(
    (o) => CANCELLABLE.has(o.status) && !busy.has(o.id) && !o.lines.some((l) => NOT_RELEASED.has(l.bmState)) && o.lines.some((l) => !DEAD.has(l.bmState)),
  )
  const o = pickOne(random, candidates)
  const line = o && pickOne(random, o.lines.filter((l) => !DEAD.has(l.bmState)))
  if (!o || !line) return null
  // Once the parcel is with the carrier, cancelling is a refund after shipping: Back Market wants a reason.
  const refund = o.status === 'IN_TRANSIT' ? (pickOne(random, REFUNDS) ?? null) : null
  return { kind: 'cancel-line', order: ref(o), sku: line.sku, refund }
}

/** A count lands near what the books say: usually right, sometimes a unit or two off. */
function inventoryCount(product: SimProduct, random: Random): number {
  return Math.max(0, product.quantity + randomInt(random, -2, 1))
}

/** The last check found blocking errors and nobody has touched the address since: the Errors tab's job. */
export function waitsForAddressFix(o: Pick<SimOrder, 'addressIssues' | 'addressCheckedAt' | 'addressUpdatedAt'>): boolean {
  const hasErrors = Array.isArray(o.addressIssues) && o.addressIssues.some((i: { severity?: unknown } | null) => i?.severity === 'error')
  if (!hasErrors || !o.addressCheckedAt) return false
  return o.addressUpdatedAt === null || o.addressUpdatedAt <= o.addressCheckedAt
}

function addressWouldPass(o: SimOrder): boolean {
  return o.address !== null && checkAddress(autoFix(o.address).address).valid
}

/** Back Market has accepted every line still alive: shipping before that would be refused anyway. */
function acceptedOnBackMarket(o: SimOrder): boolean {
  const live = o.lines.filter((l) => !DEAD.has(l.bmState))
  return live.length > 0 && live.every((l) => l.bmState === ACCEPTED)
}

function stockMove(product: SimProduct, random: Random): SimAction {
  if (product.quantity <= LOW_STOCK || random() < 0.3) {
    return { kind: 'stock', sku: product.sku, delta: randomInt(random, 5, 20), reason: 'restock' }
  }
  const out = randomInt(random, 1, Math.min(3, product.quantity))
  const reason = random() < 0.5 ? 'adjustment: damaged in storage' : 'adjustment: inventory count'
  return { kind: 'stock', sku: product.sku, delta: -out, reason }
}

function ref(o: SimOrder): OrderRef {
  return { id: o.id, reference: o.reference, version: o.version }
}

function byUpdatedAt(a: SimOrder, b: SimOrder): number {
  return a.updatedAt.getTime() - b.updatedAt.getTime() || a.reference.localeCompare(b.reference)
}

function byPlacedAt(a: SimOrder, b: SimOrder): number {
  const t = (o: SimOrder) => o.placedAt?.getTime() ?? Number.MAX_SAFE_INTEGER
  return t(a) - t(b) || a.reference.localeCompare(b.reference)
}
