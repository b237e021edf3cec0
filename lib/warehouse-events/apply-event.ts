// One recorded event read back and handed to the applier of its kind. The stored payload is parsed
// again with the wire schema: what the database gives back is a boundary like any other.
import 'server-only'
import type { Outbox, Tx } from '@/lib/warehouse/with-outbox'
import { WarehouseEventSchema, type WarehouseEvent } from './event-schema'
import { applyOrderEvent } from './apply-order-event'
import { applyStockEvent } from './apply-stock-event'
import type { Outcome } from './outcome'

export type StoredEvent = {
  id: string
  merchantId: string
  eventId: string
  type: string
  occurredAt: Date
  payload: unknown
  attempts: number
  retryAt: Date | null
}

export type ParsedStoredEvent = StoredEvent & { event: WarehouseEvent }

export function readStoredEvent(row: StoredEvent): ParsedStoredEvent {
  const event = WarehouseEventSchema.parse({ id: row.eventId, merchantId: row.merchantId, type: row.type, occurredAt: row.occurredAt.toISOString(), data: row.payload })
  return { ...row, event }
}

export async function applyEvent(tx: Tx, outbox: Outbox, { event }: ParsedStoredEvent): Promise<Outcome> {
  switch (event.type) {
    case 'stock.level':
    case 'stock.adjusted':
      return applyStockEvent(tx, outbox, event)
    default:
      return applyOrderEvent(tx, outbox, event)
  }
}
