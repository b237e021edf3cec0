// An endpoint's recent deliveries with their last attempts: the log the webhooks page shows, where
// each can be redelivered.
import 'server-only'
import { db } from '@/lib/db'
import type { WebhookDeliveryView } from './endpoint-view'
import { findEndpointOrThrow } from './update-webhook-endpoint'

export const DELIVERIES_SHOWN = 25
const ATTEMPTS_SHOWN = 5

export async function listWebhookDeliveries(opts: { merchantId: string; endpointId: string }): Promise<WebhookDeliveryView[]> {
  await findEndpointOrThrow(opts.merchantId, opts.endpointId)
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId: opts.endpointId, merchantId: opts.merchantId },
    orderBy: { createdAt: 'desc' },
    take: DELIVERIES_SHOWN,
    include: { message: { select: { eventType: true } }, attemptsLog: { orderBy: { createdAt: 'desc' }, take: ATTEMPTS_SHOWN } },
  })
  return rows.map((d) => ({
    id: d.id,
    messageId: `msg_${d.messageId}`,
    eventType: d.message.eventType,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    nextAttemptAt: d.status === 'PENDING' ? (d.nextAttemptAt?.toISOString() ?? null) : null,
    createdAt: d.createdAt.toISOString(),
    recentAttempts: d.attemptsLog.map((a) => ({ attempt: a.attempt, trigger: a.trigger, statusCode: a.statusCode, durationMs: a.durationMs, error: a.error, at: a.createdAt.toISOString() })),
  }))
}
