// Revokes one of the merchant's keys: from the next request on it is refused with 401, as an
// unknown key is. Revoking twice is harmless; another merchant's key is a 404 like a missing one.
import 'server-only'
import { actorUserId, type AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { log } from '@/lib/log'

export async function revokeApiKey(opts: { merchantId: string; id: string; actor: AuditActor }, now = new Date()): Promise<{ id: string; revokedAt: Date }> {
  const owned = { id: opts.id, merchantId: opts.merchantId, kind: 'MERCHANT' as const }
  const revokedById = actorUserId(opts.actor)
  const key = await db.$transaction(async (tx) => {
    // Compare-and-set on revokedAt: two revocations keep the first time and revoker, and only the
    // one that revoked is audited.
    const [revoked] = await tx.apiKey.updateManyAndReturn({ where: { ...owned, revokedAt: null }, data: { revokedAt: now, revokedById } })
    if (revoked) {
      await recordAudit(tx, {
        actor: opts.actor,
        merchantId: opts.merchantId,
        action: 'api_key.revoked',
        subject: { type: 'api_key', id: revoked.id },
        before: { name: revoked.name, prefix: revoked.prefix, scopes: revoked.scopes },
      })
    }
    return tx.apiKey.findFirst({ where: owned, select: { id: true, revokedAt: true } })
  })
  if (!key || key.revokedAt === null) throw new AppError('not_found', { userMessage: 'No such API key.' })
  log.info({ keyId: key.id, merchantId: opts.merchantId, revokedById }, 'api key revoked')
  return { id: key.id, revokedAt: key.revokedAt }
}
