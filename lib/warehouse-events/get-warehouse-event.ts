// One recorded event as the WMS follows it (GET /api/v1/warehouse/events/{id}).
import 'server-only'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { RecordedEvent } from './event-results'
import { toEventState, toOutcome } from './event-state'

export async function getWarehouseEventOrThrow(opts: { merchantId: string; eventId: string }): Promise<RecordedEvent> {
  const row = await db.warehouseEvent.findUnique({ where: { merchantId_eventId: { merchantId: opts.merchantId, eventId: opts.eventId } } })
  if (!row) {
    throw new AppError('not_found', { message: `warehouse event ${opts.eventId} not found for merchant ${opts.merchantId}`, userMessage: 'No event with this id for this merchant.' })
  }
  return {
    id: row.eventId,
    merchantId: row.merchantId,
    type: row.type,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    state: toEventState(row.state),
    processedAt: row.processedAt?.toISOString() ?? null,
    attempts: row.attempts,
    outcome: toOutcome(row) ?? null,
  }
}
