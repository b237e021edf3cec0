// Webhook rows for tests: an endpoint made the way the dashboard makes it (so its secret is real
// and returned), and a message emitted to it in a transaction of its own.
import { db } from '@/lib/db'
import { createWebhookEndpoint } from '../create-webhook-endpoint'
import { emitWebhookEvent } from '../emit'
import type { WebhookData, WebhookEventType } from '../events'

export async function createTestEndpoint(opts: { merchantId: string; userId?: string; url: string; events?: WebhookEventType[] }) {
  return createWebhookEndpoint({
    merchantId: opts.merchantId,
    actor: { kind: 'USER', id: opts.userId ?? '00000000-0000-4000-8000-000000000000', name: 'Test User <test@test.example>' },
    input: { url: opts.url, events: opts.events ?? ['sync_issue.opened'] },
  })
}

const at = '2026-12-06T08:00:00.000Z'

/** One `data` of each event, as the emitters write them. */
export const SAMPLE_WEBHOOK_DATA: { [T in WebhookEventType]: WebhookData<T> } = {
  'sync_issue.opened': {
    issue: {
      id: '00000000-0000-4000-8000-000000000001',
      operation: 'accept',
      kind: 'status_error',
      status: 'open',
      reference: '40000001',
      sku: null,
      message: 'Back Market refused the update',
      occurrences: 1,
      firstSeenAt: at,
      lastSeenAt: at,
      resolution: null,
      resolvedAt: null,
    },
  },
  'sync_issue.resolved': {
    issue: {
      id: '00000000-0000-4000-8000-000000000001',
      operation: 'accept',
      kind: 'status_error',
      status: 'resolved',
      reference: '40000001',
      sku: null,
      message: 'Back Market refused the update',
      occurrences: 2,
      firstSeenAt: at,
      lastSeenAt: at,
      resolution: 'success',
      resolvedAt: at,
    },
  },
  'address_error.opened': { order: { reference: '40000001' }, fields: { street: ['Street missing'] }, carrierRejection: null },
  'address_error.fixed': { order: { reference: '40000001' } },
  'connection.degraded': { since: at, openIssues: 1, kinds: ['CONNECTION'] },
  'connection.recovered': { degradedSince: at, recoveredAt: at },
}

/** Emits one event (its sample data) and returns the delivery made for `endpointId`. */
export async function emitTestDelivery<T extends WebhookEventType = 'sync_issue.opened'>(opts: { merchantId: string; endpointId: string; type?: T; now?: Date }) {
  const type = (opts.type ?? 'sync_issue.opened') as T
  const emitted = await db.$transaction((tx) => emitWebhookEvent(tx, { merchantId: opts.merchantId, type, data: SAMPLE_WEBHOOK_DATA[type], now: opts.now }))
  if (!emitted) throw new Error('no endpoint subscribed')
  return db.webhookDelivery.findFirstOrThrow({ where: { messageId: emitted.messageId, endpointId: opts.endpointId } })
}
