// Revokes a warehouse key (support staff, from the command line until issue 10's screens): the
// WMS holding it gets 401 from its next request. Revoking twice keeps the first time.
import 'server-only'
import { actorUserId, type AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { log } from '@/lib/log'

export async function revokeWarehouseKey({ id, actor }: { id: string; actor: AuditActor }, now = new Date()): Promise<{ id: string; name: string; revokedAt: Date }> {
  const key = await db.$transaction(async (tx) => {
    const [revoked] = await tx.apiKey.updateManyAndReturn({ where: { id, kind: 'WAREHOUSE', revokedAt: null }, data: { revokedAt: now, revokedById: actorUserId(actor) } })
    // A warehouse key belongs to no merchant: its audit row has none either.
    if (revoked) {
      await recordAudit(tx, { actor, merchantId: null, action: 'api_key.revoked', subject: { type: 'api_key', id: revoked.id }, before: { kind: 'WAREHOUSE', name: revoked.name, prefix: revoked.prefix } })
    }
    return tx.apiKey.findFirst({ where: { id, kind: 'WAREHOUSE' }, select: { id: true, name: true, revokedAt: true } })
  })
  if (!key || key.revokedAt === null) throw new AppError('not_found', { userMessage: `No warehouse key ${id}.` })
  log.info({ keyId: key.id }, 'api key revoked')
  return { id: key.id, name: key.name, revokedAt: key.revokedAt }
}
