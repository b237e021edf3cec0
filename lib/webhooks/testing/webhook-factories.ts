// Webhook rows for tests: an endpoint made the way the dashboard makes it (so its secret is real
// and returned), and a message emitted to it in a transaction of its own.
import { db } from '@/lib/db'
import { createWebhookEndpoint } from '../create-webhook-endpoint'
import { emitWebhookEvent } from '../emit'
import type { WebhookEventType } from '../events'

export async function createTestEndpoint(opts: { merchantId: string; userId?: string; url: string; events?: WebhookEventType[] }) {
  return createWebhookEndpoint({
    merchantId: opts.merchantId,
    userId: opts.userId ?? '00000000-0000-4000-8000-000000000000',
    input: { url: opts.url, events: opts.events ?? ['sync_issue.opened'] },
  })
}

/** Emits one event and returns the delivery made for `endpointId`. */
export async function emitTestDelivery(opts: { merchantId: string; endpointId: string; type?: WebhookEventType; now?: Date }) {
  const emitted = await db.$transaction((tx) =>
    emitWebhookEvent(tx, { merchantId: opts.merchantId, type: opts.type ?? 'sync_issue.opened', data: { issue: { id: 'test' } }, now: opts.now }),
  )
  if (!emitted) throw new Error('no endpoint subscribed')
  return db.webhookDelivery.findFirstOrThrow({ where: { messageId: emitted.messageId, endpointId: opts.endpointId } })
}
