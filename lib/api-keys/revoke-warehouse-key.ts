// Revokes a warehouse key (support staff, from the command line until issue 10's screens): the
// WMS holding it gets 401 from its next request. Revoking twice keeps the first time.
import 'server-only'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { log } from '@/lib/log'

export async function revokeWarehouseKey({ id }: { id: string }, now = new Date()): Promise<{ id: string; name: string; revokedAt: Date }> {
  await db.apiKey.updateMany({ where: { id, kind: 'WAREHOUSE', revokedAt: null }, data: { revokedAt: now } })
  const key = await db.apiKey.findFirst({ where: { id, kind: 'WAREHOUSE' }, select: { id: true, name: true, revokedAt: true } })
  if (!key || key.revokedAt === null) throw new AppError('not_found', { userMessage: `No warehouse key ${id}.` })
  log.info({ keyId: key.id }, 'api key revoked')
  return { id: key.id, name: key.name, revokedAt: key.revokedAt }
}
