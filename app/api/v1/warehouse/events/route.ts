// POST /api/v1/warehouse/events — the WMS reports what happened: up to 500 events, one result each (202)
import { postWarehouseEventsOperation } from '@/lib/api-v1/operations/warehouse-events'
import { v1Route } from '@/lib/api-v1/route'
import { AppError } from '@/lib/errors'
import { batchStatus } from '@/lib/warehouse-events/event-results'
import { recordWarehouseEvents } from '@/lib/warehouse-events/record-events'

export const POST = v1Route(postWarehouseEventsOperation, async ({ principal, body }) => {
  const results = await recordWarehouseEvents({ events: body.events, apiKeyId: principal.keyId })
  const status = batchStatus(results)
  // Each refused event's own fields (`events[3].data.sku`), or the event itself, name what is wrong.
  const fields = Object.fromEntries(results.flatMap((r, i) => ('error' in r ? Object.entries(r.error.fields ?? { [`events[${i}]`]: [r.error.message] }) : [])))
  if (status === 409) throw new AppError('conflict', { userMessage: 'No event was recorded: an event id was already used for other content.', fields, details: { results } })
  if (status === 400) throw new AppError('bad_request', { userMessage: 'No event was recorded: see each event\'s result.', fields, details: { results } })
  return { status, body: { results } }
})
