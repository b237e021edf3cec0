// Removes an endpoint with its deliveries and their log (cascade): nothing more is sent to it.
// The audit keeps what it was (url, events), since the row itself is gone.
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { auditUrl } from './audit-url'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'

export async function deleteWebhookEndpoint(opts: { merchantId: string; id: string; actor: AuditActor }): Promise<void> {
  await db.$transaction(async (tx) => {
    const where = { id: opts.id, merchantId: opts.merchantId }
    const deleted = await tx.webhookEndpoint.findFirst({ where, select: { id: true, url: true, description: true, events: true, enabled: true } })
    // The count, not the read, decides: an endpoint deleted between the two is deleted by the other caller.
    const { count } = deleted ? await tx.webhookEndpoint.deleteMany({ where }) : { count: 0 }
    if (!deleted || count === 0) throw new AppError('not_found', { userMessage: 'Webhook endpoint not found' })
    await recordAudit(tx, {
      actor: opts.actor,
      merchantId: opts.merchantId,
      action: 'webhook.endpoint_deleted',
      subject: { type: 'webhook_endpoint', id: deleted.id },
      before: { url: auditUrl(deleted.url), description: deleted.description, events: deleted.events, enabled: deleted.enabled },
    })
  })
}
