// Revokes one of the merchant's keys: from the next request on it is refused with 401, as an
// unknown key is. Revoking twice is harmless; another merchant's key is a 404 like a missing one.
import 'server-only'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { log } from '@/lib/log'

export async function revokeApiKey(opts: { merchantId: string; id: string; revokedById: string | null }, now = new Date()): Promise<{ id: string; revokedAt: Date }> {
  const owned = { id: opts.id, merchantId: opts.merchantId, kind: 'MERCHANT' as const }
  // Compare-and-set on revokedAt: two revocations keep the first time and revoker.
  await db.apiKey.updateMany({ where: { ...owned, revokedAt: null }, data: { revokedAt: now, revokedById: opts.revokedById } })
  const key = await db.apiKey.findFirst({ where: owned, select: { id: true, revokedAt: true } })
  if (!key || key.revokedAt === null) throw new AppError('not_found', { userMessage: 'No such API key.' })
  log.info({ keyId: key.id, merchantId: opts.merchantId, revokedById: opts.revokedById }, 'api key revoked')
  return { id: key.id, revokedAt: key.revokedAt }
}
