// Records a webhook event in the transaction of the change it reports: the message and one
// delivery per enabled endpoint subscribed to its type commit with that change or not at all, so
// an event is never announced for a change that rolled back, nor lost after one that committed.
// The NOTIFY is delivered by PostgreSQL only on commit: it wakes the workers, which send the
// delivery jobs (an "after commit" that needs nothing from the caller); the minute sweep covers a
// worker that was not listening.
import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { webhookPayload, type WebhookData, type WebhookEventType } from './events'

export const DELIVERY_CHANNEL = 'webhook_deliveries'

export type EmitResult = { messageId: string; deliveries: number }

export async function emitWebhookEvent<T extends WebhookEventType>(
  tx: Prisma.TransactionClient,
  opts: { merchantId: string; type: T; data: WebhookData<T>; now?: Date },
): Promise<EmitResult | null> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { merchantId: opts.merchantId, enabled: true, events: { has: opts.type } },
    select: { id: true },
  })
  // No subscriber, no message: the table would otherwise grow with every issue of every merchant.
  if (endpoints.length === 0) return null
  const now = opts.now ?? new Date()
  const message = await tx.webhookMessage.create({
    data: { merchantId: opts.merchantId, eventType: opts.type, payload: webhookPayload(opts.type, opts.data, now) as Prisma.InputJsonObject, createdAt: now },
  })
  await tx.webhookDelivery.createMany({
    data: endpoints.map((e) => ({ merchantId: opts.merchantId, endpointId: e.id, messageId: message.id, nextAttemptAt: now })),
  })
  await tx.$executeRawUnsafe(`NOTIFY ${DELIVERY_CHANNEL}`)
  return { messageId: message.id, deliveries: endpoints.length }
}
