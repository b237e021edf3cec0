// GET /ws/orders filtering: never states 0 and 8 (spec), then the optional filters, the dates
// as lower bounds (docs/backmarket.md §1.4).
import { parseDateFilter } from './dates'
import { fail } from './errors'
import type { Order } from './types'

const HIDDEN_STATES = new Set([0, 8])

export function filterOrders(orders: Iterable<Order>, q: Record<string, string | undefined>): Order[] {
  const state = q.state ? Number(q.state) : undefined
  if (state !== undefined && !Number.isInteger(state)) fail(400, 'validation-error', 'state must be an OrderState integer', { target: 'state' })
  const created = dateBound(q, 'date_creation')
  const modified = dateBound(q, 'date_modification')
  const country = q.country_code?.toLowerCase()

  const out: Order[] = []
  for (const o of orders) {
    if (HIDDEN_STATES.has(o.state)) continue
    if (state !== undefined && o.state !== state) continue
    if (country && o.country_code !== country) continue
    if (created !== undefined && Date.parse(o.date_creation) < created) continue
    if (modified !== undefined && Date.parse(o.date_modification) < modified) continue
    out.push(o)
  }
  // Oldest first, so a poller walking `next` meets orders in the order they arrived [I].
  return out.sort((a, b) => a.order_id - b.order_id)
}

function dateBound(q: Record<string, string | undefined>, name: 'date_creation' | 'date_modification'): number | undefined {
  const raw = q[name]
  if (!raw) return undefined
  const ms = parseDateFilter(raw)
  if (ms === undefined) fail(400, 'validation-error', `${name} must be an RFC 3339 date-time or YYYY-MM-DD HH:MM:SS`, { target: name })
  return ms
}
