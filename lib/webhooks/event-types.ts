// The events a webhook endpoint can subscribe to, by name only: the add-endpoint form lists them
// without loading their data schemas (events.ts, full zod), which must name exactly these.
export const WEBHOOK_EVENT_TYPES = ['sync_issue.opened', 'sync_issue.resolved', 'address_error.opened', 'address_error.fixed', 'connection.degraded', 'connection.recovered'] as const

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]
