// One attempt of one delivery: claim it, sign the message, POST it (pinned-post.ts), log the
// attempt, then decide: succeeded, retry at the schedule's next time, or give up after 72 hours.
// An endpoint failing without a single success for 5 days is disabled (the merchant is told on the
// webhooks page and under the connection banner). A "redeliver" pressed in the dashboard is one
// more attempt, logged as such, whatever the delivery's state.
import 'server-only'
import { workerActor, type AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { auditUrl } from './audit-url'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { log } from '@/lib/log'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { WebhookPayload } from './events'
import { DELIVERY_TIMEOUT_MS, pinnedPost, type PostOutcome } from './pinned-post'
import { DISABLED_FAILING, nextAttemptAt, shouldDisable } from './retry-schedule'
import { signingSecrets } from './secret'
import { signDelivery } from './sign'
import type { Resolver, UrlPolicy } from './url-policy'
import { webhookUrlPolicy } from './url-policy-env'

export type DeliveryTrigger = 'auto' | 'redeliver'

export type DeliverResult =
  | { outcome: 'skipped' }
  | { outcome: 'succeeded' | 'retry' | 'failed'; attempt: number; statusCode: number | null; nextAttemptAt: Date | null }

/** How long a claimed attempt holds the delivery: a worker dying mid-attempt is retried after it. */
const CLAIM_LEASE_MS = DELIVERY_TIMEOUT_MS + 45_000

/** A redeliver is someone's request, in their merchant, and audited in the attempt's transaction. */
type Options = { deliveryId: string; now?: () => Date; policy?: UrlPolicy; resolve?: Resolver } & (
  | { trigger: 'auto'; merchantId?: string }
  | { trigger: 'redeliver'; merchantId: string; actor: AuditActor }
)

export async function deliverWebhook(opts: Options): Promise<DeliverResult> {
  const now = opts.now ?? (() => new Date())
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: opts.deliveryId, ...(opts.merchantId ? { merchantId: opts.merchantId } : {}) },
    include: { endpoint: true, message: true },
  })
  if (!delivery) {
    if (opts.trigger === 'redeliver') throw new AppError('not_found', { userMessage: 'Delivery not found' })
    return { outcome: 'skipped' }
  }
  const { endpoint } = delivery
  if (opts.trigger === 'redeliver' && !endpoint.enabled) {
    throw new AppError('conflict', { userMessage: 'This endpoint is disabled: enable it before redelivering.' })
  }
  const claimedAt = now()
  const claim = await db.webhookDelivery.updateMany({
    where:
      opts.trigger === 'auto'
        ? { id: delivery.id, attempts: delivery.attempts, status: 'PENDING', nextAttemptAt: { lte: claimedAt }, endpoint: { enabled: true } }
        : { id: delivery.id, attempts: delivery.attempts },
    data: { attempts: { increment: 1 }, ...(opts.trigger === 'auto' ? { nextAttemptAt: new Date(claimedAt.getTime() + CLAIM_LEASE_MS) } : {}) },
  })
  if (claim.count === 0) {
    if (opts.trigger === 'redeliver') throw new AppError('conflict', { userMessage: 'This delivery is being sent right now; look again in a moment.' })
    return { outcome: 'skipped' }
  }
  // Whatever fails from here on (a secret that no longer decrypts…) is a failed attempt like any
  // other, so the 72-hour limit still ends the delivery instead of a claim renewed every minute.
  const result = await send(delivery, claimedAt, opts).catch((err: unknown) => notSent(delivery.id, err))
  const actor = opts.trigger === 'redeliver' ? opts.actor : null
  return recordAttempt({ delivery, attempt: delivery.attempts + 1, trigger: opts.trigger, actor, result, at: now() })
}

type Delivery = Prisma.WebhookDeliveryGetPayload<{ include: { endpoint: true } }>

async function send(delivery: Delivery & { message: { payload: Prisma.JsonValue } }, at: Date, opts: Options): Promise<PostOutcome> {
  const { endpoint } = delivery
  // In the specification's order (jsonb keeps its own key order, not ours).
  const { type, timestamp, data } = delivery.message.payload as WebhookPayload
  const body = JSON.stringify({ type, timestamp, data })
  const headers = signDelivery({ messageId: `msg_${delivery.messageId}`, at, body, secrets: signingSecrets(endpoint, at) })
  return pinnedPost({ url: endpoint.url, headers, body, policy: opts.policy ?? webhookUrlPolicy(), resolve: opts.resolve })
}

/** The attempt an internal error stopped: its text is ours alone, the error (which may quote a secret's
 * handling) goes to the log only. */
function notSent(deliveryId: string, err: unknown): PostOutcome {
  log.error({ err, deliveryId }, 'webhook attempt failed before its request')
  return { statusCode: null, error: 'not sent: an error on our side stopped the attempt before the request', excerpt: null, durationMs: 0 }
}

async function recordAttempt(opts: { delivery: Delivery; attempt: number; trigger: DeliveryTrigger; actor: AuditActor | null; result: PostOutcome; at: Date }): Promise<DeliverResult> {
  const { delivery, result, at, attempt } = opts
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300
  const error = ok ? null : (result.error ?? `HTTP ${result.statusCode}`)
  // A redeliver that fails leaves the schedule as it was: the schedule counts automatic attempts only
  // (`attempt` numbers them all, redelivers included).
  const next = ok || opts.trigger === 'redeliver' ? null : nextAttemptAt({ failedAttempts: (await countAutoAttempts(delivery.id)) + 1, createdAt: delivery.createdAt, now: at })
  const outcome = ok ? 'succeeded' : opts.trigger === 'redeliver' ? (delivery.status === 'PENDING' ? 'retry' : 'failed') : next ? 'retry' : 'failed'

  await db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: { deliveryId: delivery.id, attempt, trigger: opts.trigger, statusCode: result.statusCode, durationMs: result.durationMs, error, responseExcerpt: result.excerpt, createdAt: at },
    })
    if (opts.actor) {
      await recordAudit(tx, {
        actor: opts.actor,
        merchantId: delivery.merchantId,
        action: 'webhook.delivery_redelivered',
        subject: { type: 'webhook_delivery', id: delivery.id },
        after: { endpointId: delivery.endpointId, url: auditUrl(delivery.endpoint.url), attempt, statusCode: result.statusCode, outcome },
      })
    }
    const common = { lastStatusCode: result.statusCode, lastError: error }
    if (ok) {
      await tx.webhookDelivery.update({ where: { id: delivery.id }, data: { ...common, status: 'SUCCEEDED', finishedAt: at, nextAttemptAt: null } })
      await tx.webhookEndpoint.updateMany({ where: { id: delivery.endpointId, failingSince: { not: null } }, data: { failingSince: null } })
      return
    }
    if (opts.trigger === 'redeliver') await tx.webhookDelivery.update({ where: { id: delivery.id }, data: common })
    else await tx.webhookDelivery.update({ where: { id: delivery.id }, data: { ...common, ...(next ? { nextAttemptAt: next } : { status: 'FAILED', finishedAt: at, nextAttemptAt: null }) } })
    await tx.webhookEndpoint.updateMany({ where: { id: delivery.endpointId, failingSince: null }, data: { failingSince: at } })
    await disableIfFailingTooLong(tx, delivery.endpointId, at)
  })
  return { outcome, attempt, statusCode: result.statusCode, nextAttemptAt: next }
}

function countAutoAttempts(deliveryId: string): Promise<number> {
  return db.webhookAttempt.count({ where: { deliveryId, trigger: 'auto' satisfies DeliveryTrigger } })
}

/** Disables an endpoint failing for 5 days; its pending deliveries end with it. Returns whether it did. */
export async function disableIfFailingTooLong(tx: Prisma.TransactionClient, endpointId: string, at: Date): Promise<boolean> {
  const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { merchantId: true, url: true, enabled: true, failingSince: true } })
  if (!endpoint?.enabled || !shouldDisable(endpoint.failingSince, at)) return false
  const { count } = await tx.webhookEndpoint.updateMany({ where: { id: endpointId, enabled: true }, data: { enabled: false, disabledAt: at, disabledReason: DISABLED_FAILING } })
  if (count === 1) {
    await recordAudit(tx, {
      actor: workerActor('webhook-delivery'),
      merchantId: endpoint.merchantId,
      action: 'webhook.endpoint_disabled',
      subject: { type: 'webhook_endpoint', id: endpointId },
      before: { enabled: true, failingSince: endpoint.failingSince },
      after: { enabled: false, url: auditUrl(endpoint.url), reason: DISABLED_FAILING },
    })
  }
  await tx.webhookDelivery.updateMany({
    where: { endpointId, status: 'PENDING' },
    data: { status: 'FAILED', finishedAt: at, nextAttemptAt: null, lastError: 'endpoint disabled after failing for 5 days' },
  })
  return count === 1
}
