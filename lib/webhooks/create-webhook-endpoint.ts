// A merchant adds a webhook endpoint: its URL must be allowed where it points (url-policy.ts: a
// 400 naming `url` otherwise), and its signing secret is made here and returned this once.
import 'server-only'
import { actorUserId, type AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { auditUrl } from './audit-url'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { toEndpointView, type WebhookEndpointView } from './endpoint-view'
import type { CreateWebhookEndpointBodySchema } from './endpoint-input'
import { generateWebhookSecret, sealSecret } from './secret'
import { checkWebhookUrl, UrlRefusedError, type Resolver } from './url-policy'
import { webhookUrlPolicy } from './url-policy-env'
import type { z } from 'zod'

/** Endpoints one merchant may have: enough for every tool they run, few enough to sign for cheaply. */
export const MAX_ENDPOINTS = 10

export async function assertWebhookUrlAllowed(url: string, resolve?: Resolver): Promise<void> {
  try {
    await checkWebhookUrl(url, webhookUrlPolicy(), resolve)
  } catch (err) {
    if (!(err instanceof UrlRefusedError)) throw err
    throw new AppError('bad_request', { userMessage: `This URL cannot receive webhooks (${err.reason}).`, fields: { url: [`Not allowed: ${err.reason}`] } })
  }
}

export async function createWebhookEndpoint(opts: {
  merchantId: string
  actor: AuditActor
  input: z.output<typeof CreateWebhookEndpointBodySchema>
  resolve?: Resolver
}): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  await assertWebhookUrlAllowed(opts.input.url, opts.resolve)
  const secret = generateWebhookSecret()
  const endpoint = await db.$transaction(async (tx) => {
    const count = await tx.webhookEndpoint.count({ where: { merchantId: opts.merchantId } })
    if (count >= MAX_ENDPOINTS) throw new AppError('conflict', { userMessage: `At most ${MAX_ENDPOINTS} endpoints: delete one first.` })
    const created = await tx.webhookEndpoint.create({
      data: {
        merchantId: opts.merchantId,
        url: opts.input.url,
        description: opts.input.description || null,
        events: opts.input.events,
        secretEncrypted: sealSecret(secret, opts.merchantId),
        createdById: actorUserId(opts.actor),
      },
    })
    await recordAudit(tx, {
      actor: opts.actor,
      merchantId: opts.merchantId,
      action: 'webhook.endpoint_created',
      subject: { type: 'webhook_endpoint', id: created.id },
      after: { url: auditUrl(created.url), description: created.description, events: created.events },
    })
    return created
  })
  return { endpoint: toEndpointView(endpoint), secret }
}
