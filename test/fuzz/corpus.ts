// Valid inputs for the routes we have, which the fuzz test mutates one value at a time: random
// JSON alone rarely gets past a schema's first field, a valid body with one bad leaf reaches the
// rules and the queries behind it. A route with no entry here (a new one) gets random input only.
import { encodeCursor } from '@/lib/api-v1/cursor'
import { orderPositionCursor } from '@/lib/api-v1/schemas/order-position-cursor'
import type { Rng } from './prng'
import { randomJson, randomNumber, randomString, type FuzzWorld } from './values'

type Example = (world: FuzzWorld, rng: Rng) => Record<string, unknown>

const address = () => ({
  company: null,
  firstName: 'Camille',
  lastName: 'Martin',
  street: '12 rue de la Paix',
  street2: '',
  postalCode: '75002',
  city: 'Paris',
  country: 'FR',
  phone: '+33612345678',
  email: 'camille.martin@relay.example',
})

let emails = 0
export const BODY_EXAMPLES: Record<string, Example> = {
  // A fresh address each time: the fuzz must not walk into the sign-in throttle's delays.
  'POST /api/auth/login': () => ({ email: `fuzz-${++emails}@fuzz.example`, password: 'not the password' }),
  'PATCH /api/orders/[reference]/address': (_w, rng) => ({ version: rng.int(1, 3), address: address() }),
  'POST /api/syncs': (w, rng) => (rng.chance(0.5) ? { references: [rng.pick(w.references)] } : { issueIds: [rng.pick(w.ids)] }),
  'POST /api/sync-issues/[id]/dismiss': () => ({ reason: 'fixed by hand' }),
  'POST /api/sync-issues/dismiss': (w, rng) => ({ issueIds: [rng.pick(w.ids)], reason: 'fixed by hand' }),
  'POST /api/sku-mappings': (w, rng) => ({ ourSku: rng.pick(w.skus), bmSku: `${rng.pick(w.skus)}-BM`, confirm: rng.chance(0.5) }),
  'POST /api/sku-mappings/preview': (w, rng) => ({ ourSku: rng.pick(w.skus), bmSku: `${rng.pick(w.skus)}-BM` }),
  'POST /api/api-keys': (_w, rng) => ({ name: 'Fuzz integration', scopes: rng.pick([['sync:read'], ['sync:write'], ['sync:read', 'sync:write']]) }),
  'POST /api/v1/warehouse/events': (w, rng) => ({ events: Array.from({ length: rng.int(1, 4) }, () => warehouseEvent(w, rng)) }),
}

let events = 0
const EVENT_TYPES = ['order.received', 'order.validated', 'order.picking_started', 'order.packed', 'order.delivered'] as const
/** A valid warehouse event about the fuzzing merchant's rows (lib/warehouse-events/event-schema.ts). */
function warehouseEvent(w: FuzzWorld, rng: Rng): Record<string, unknown> {
  const envelope = { id: `fuzz-${++events}`, merchantId: w.merchantId, occurredAt: new Date(Date.UTC(2026, 11, 6, 9, 0, rng.int(0, 3_600))).toISOString() }
  switch (rng.int(0, 4)) {
    case 0:
      return { ...envelope, type: 'stock.level', data: { sku: rng.pick(w.skus), quantity: rng.int(0, 50) } }
    case 1:
      return { ...envelope, type: 'stock.adjusted', data: { sku: rng.pick(w.skus), delta: rng.int(1, 5), reason: 'cycle count' } }
    case 2:
      return { ...envelope, type: 'order.shipped', data: { reference: rng.pick(w.references), carrier: 'Colissimo', trackingNumber: '6A12345678901', lines: [] } }
    case 3:
      return { ...envelope, type: 'order.address_rejected', data: { reference: rng.pick(w.references), carrier: 'DPD', message: 'Street unknown', fields: ['street'] } }
    default:
      return { ...envelope, type: rng.pick(EVENT_TYPES), data: { reference: rng.pick(w.references) } }
  }
}

export const QUERY_EXAMPLES: Record<string, Example> = {
  'GET /api/orders': (w, rng) => ({ q: rng.pick(w.references).slice(0, rng.int(1, 8)), status: 'CREATED', page: '1', pageSize: '25' }),
  'GET /api/errors': (w, rng) => ({ q: rng.pick(w.references), sort: rng.pick(['urgency', 'newest']), page: '1' }),
  'GET /api/sku-mismatch': (w, rng) => (rng.chance(0.5) ? { issueId: rng.pick(w.ids) } : { reference: rng.pick(w.references) }),
  'GET /api/v1/orders': (w, rng) => ({ q: rng.pick(w.references).slice(0, rng.int(1, 8)), status: 'CREATED', limit: String(rng.int(1, 100)), cursor: orderCursor(w, rng) }),
  'GET /api/v1/address-errors': (w, rng) => ({ q: rng.pick(w.references), limit: '25', cursor: orderCursor(w, rng) }),
  'GET /api/v1/warehouse/events/[id]': (w) => ({ merchantId: w.merchantId }),
}

/**
 * A cursor of the newest-first lists as they write it, or one whose date is well formed but out of
 * PostgreSQL's range (year 0000 passed z.iso.datetime() and failed the query: a 500).
 */
function orderCursor(w: FuzzWorld, rng: Rng): string {
  const reference = rng.pick(w.references)
  if (rng.chance(0.3)) return encodeCursor({ p: rng.pick(['0000-01-01T00:00:00.000Z', '0001-01-01T00:30:00+01:00', '9999-12-31T23:30:00-01:00']), r: reference })
  return encodeCursor(orderPositionCursor({ placedAt: rng.chance(0.9) ? new Date(Date.UTC(2026, 11, rng.int(1, 6))) : null, reference }))
}

/** The example with one leaf replaced, a key dropped or added, or the whole turned into something else. */
export function mutate(rng: Rng, world: FuzzWorld, value: Record<string, unknown>, asText: boolean): unknown {
  const copy = structuredClone(value)
  const leafHolders: Array<Record<string, unknown> | unknown[]> = []
  const walk = (v: unknown) => {
    if (v === null || typeof v !== 'object') return
    leafHolders.push(v as Record<string, unknown>)
    Object.values(v).forEach(walk)
  }
  walk(copy)
  const holder = rng.pick(leafHolders) as Record<string, unknown>
  const keys = Object.keys(holder)
  const key = keys.length && rng.chance(0.85) ? rng.pick(keys) : rng.pick(['extra', 'version', 'reason', '0'])
  switch (rng.int(0, 9)) {
    case 0:
      delete holder[key]
      break
    case 1:
      holder[key] = randomJson(rng, world)
      break
    case 2:
      return rng.pick([[copy], null, 'text', 42, []])
    case 3:
      holder[key] = asText ? randomString(rng, world) : randomNumber(rng)
      break
    default:
      // Query strings are text; bodies get text mostly, numbers where numbers go.
      holder[key] = !asText && typeof holder[key] === 'number' && rng.chance(0.5) ? randomNumber(rng) : randomString(rng, world)
  }
  return copy
}
