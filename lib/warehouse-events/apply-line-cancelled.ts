// order.line_cancelled: the line is cancelled on our side and Back Market told with the state the
// line calls for (4 before acceptance, 5 after, 6 after shipping with the return reason), by
// lib/warehouse/cancel-order-line.ts in the processor's transaction. A refusal (a shipped line
// without its return reason) is the operation's AppError, recorded by the processor as the rule.
import 'server-only'
import { cancelOrderLineIn } from '@/lib/warehouse/cancel-order-line'
import type { Outbox, Tx } from '@/lib/warehouse/with-outbox'
import type { WarehouseEvent } from './event-schema'
import { applied, stale, type Outcome } from './outcome'

export async function applyLineCancelled(tx: Tx, outbox: Outbox, event: Extract<WarehouseEvent, { type: 'order.line_cancelled' }>): Promise<Outcome> {
  const result = await cancelOrderLineIn(tx, outbox, { merchantId: event.merchantId, ...event.data })
  if (result.outcome === 'already_cancelled') return stale(`The line ${event.data.sku} is already cancelled.`)
  const params = { sku: event.data.sku, newState: result.newState, orderStatus: result.order.status }
  return applied('applied', `The line ${event.data.sku} is cancelled${result.newState ? ` (Back Market new_state ${result.newState})` : ''}.`, params)
}
