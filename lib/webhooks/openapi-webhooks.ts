// The webhooks in the API's OpenAPI 3.1 document (its `webhooks` section): one POST per event,
// the body and the three Standard Webhooks headers, generated from the same zod schemas the
// emitters are typed by, so the reference cannot drift from what is sent.
import { z } from 'zod'
import type { ZodOpenApiPathsObject } from 'zod-openapi'
import { WEBHOOK_DATA_SCHEMAS, WEBHOOK_EVENT_TYPES } from './events'

const SUMMARIES: Record<(typeof WEBHOOK_EVENT_TYPES)[number], string> = {
  'sync_issue.opened': 'A sync with Back Market failed and an issue opened',
  'sync_issue.resolved': 'A sync issue was resolved, or dismissed by the merchant (status `dismissed`)',
  'address_error.opened': 'An order is blocked by its shipping address (our checks or a carrier)',
  'address_error.fixed': 'A blocked address was fixed',
  'connection.degraded': 'The connection to Back Market is degraded (an open connection or credentials issue)',
  'connection.recovered': 'The connection to Back Market recovered',
}

const HEADERS = z.object({
  'webhook-id': z.string().meta({ description: 'The message id (`msg_…`), the same on every retry: deduplicate on it.' }),
  'webhook-timestamp': z.string().meta({ description: 'Seconds since the epoch when this attempt was signed.' }),
  'webhook-signature': z.string().meta({
    description: 'Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the endpoint secret; two during a rotation’s 24 h overlap (either verifies).',
  }),
})

export function webhookOperations(): ZodOpenApiPathsObject {
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace('.', '_')}`,
          summary: SUMMARIES[type],
          description: 'Sent to the endpoints subscribed to it (Settings → Webhooks). Any 2xx is success; anything else is retried for 72 hours (5 s, 5 min, 30 min, 2 h, 5 h, then every 10–12 h).',
          security: [],
          requestParams: { header: HEADERS },
          requestBody: {
            required: true,
            content: { 'application/json': { schema: z.object({ type: z.literal(type), timestamp: z.iso.datetime(), data: WEBHOOK_DATA_SCHEMAS[type] }) } },
          },
          responses: { '2XX': { description: 'Received.' } },
        },
      },
    ]),
  )
}
