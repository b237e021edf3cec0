// Changes an endpoint's events, description, or whether it is enabled. Enabling it again (after
// it was disabled for failing) starts its failure clock afresh.
import 'server-only'
import type { z } from 'zod'
import type { AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { auditUrl } from './audit-url'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { UpdateWebhookEndpointBodySchema } from './endpoint-input'
import { toEndpointView, type WebhookEndpointView } from './endpoint-view'

export async function findEndpointOrThrow(merchantId: string, id: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id, merchantId } })
  if (!endpoint) throw new AppError('not_found', { userMessage: 'Webhook endpoint not found' })
  return endpoint
}

export async function updateWebhookEndpoint(opts: {
  merchantId: string
  id: string
  input: z.output<typeof UpdateWebhookEndpointBodySchema>
  actor: AuditActor
}): Promise<WebhookEndpointView> {
  const { input } = opts
  const enabling = input.enabled === true ? { disabledAt: null, disabledReason: null, failingSince: null } : {}
  const disabling = input.enabled === false ? { disabledAt: new Date(), disabledReason: 'by_merchant' } : {}
  // One statement scoped to the merchant: an endpoint deleted meanwhile is a 404, not an update
  // that finds no row (a 500). The row lock taken first makes the audit's "before" the state this
  // update changed, not one a concurrent update already replaced.
  const updated = await db.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<Array<{ events: string[]; description: string | null; enabled: boolean }>>`
      SELECT events, description, enabled FROM "WebhookEndpoint" WHERE id = ${opts.id}::uuid AND "merchantId" = ${opts.merchantId}::uuid FOR UPDATE`
    const [after] = await tx.webhookEndpoint.updateManyAndReturn({
      where: { id: opts.id, merchantId: opts.merchantId },
      data: {
        ...(input.events ? { events: input.events } : {}),
        ...(input.description !== undefined ? { description: input.description || null } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...enabling,
        ...disabling,
      },
    })
    if (!before || !after) throw new AppError('not_found', { userMessage: 'Webhook endpoint not found' })
    await recordAudit(tx, {
      actor: opts.actor,
      merchantId: opts.merchantId,
      action: 'webhook.endpoint_updated',
      subject: { type: 'webhook_endpoint', id: after.id },
      before: { url: auditUrl(after.url), ...before },
      after: { url: auditUrl(after.url), events: after.events, description: after.description, enabled: after.enabled },
    })
    return after
  })
  return toEndpointView(updated)
}
