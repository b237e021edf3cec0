// A new signing secret, returned this once. The one it replaces keeps signing beside it for 24
// hours (two signatures per delivery), time for the receiver to switch without a failed check.
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { auditUrl } from './audit-url'
import { db } from '@/lib/db'
import { toEndpointView, type WebhookEndpointView } from './endpoint-view'
import { generateWebhookSecret, ROTATION_OVERLAP_MS, sealSecret } from './secret'
import { findEndpointOrThrow } from './update-webhook-endpoint'

export async function rotateWebhookSecret(opts: { merchantId: string; id: string; actor: AuditActor; now?: Date }): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const now = opts.now ?? new Date()
  const endpoint = await findEndpointOrThrow(opts.merchantId, opts.id)
  const secret = generateWebhookSecret()
  // Compare-and-set on the current secret: two rotations at once would otherwise both keep the
  // same "previous" and lose the secret the first one handed out.
  const count = await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: endpoint.id, secretEncrypted: endpoint.secretEncrypted },
      data: {
        secretEncrypted: sealSecret(secret, opts.merchantId),
        previousSecretEncrypted: endpoint.secretEncrypted,
        previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS),
      },
    })
    // That a rotation happened and until when the old secret still signs; never either secret.
    if (count === 1) {
      await recordAudit(tx, {
        actor: opts.actor,
        merchantId: opts.merchantId,
        action: 'webhook.secret_rotated',
        subject: { type: 'webhook_endpoint', id: endpoint.id },
        after: { url: auditUrl(endpoint.url), previousSignsUntil: new Date(now.getTime() + ROTATION_OVERLAP_MS) },
      })
    }
    return count
  })
  if (count === 0) return rotateWebhookSecret(opts)
  return { endpoint: toEndpointView(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } }), now), secret }
}
