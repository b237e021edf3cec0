// The key of an /api/v1 request, checked: well-formed, known by its SHA-256, not revoked. Any
// failure is the same 401 (no hint whether a key exists). Last use is written at most once a
// minute, so a busy warehouse key costs one read per request, not a write.
import 'server-only'
import { db } from '@/lib/db'
import { isDemoKeyRefused } from '@/lib/api-keys/demo-key'
import { bearerKey, hashApiKey } from '@/lib/api-keys/key-format'
import { AppError } from '@/lib/errors'

const LAST_USED_RESOLUTION_MS = 60_000

export function invalidApiKey(): AppError {
  return new AppError('unauthorized', {
    userMessage: 'A valid API key is required: send it as Authorization: Bearer <key>.',
    fields: { authorization: ['missing, unknown or revoked API key'] },
  })
}

export type AuthenticatedKey = {
  keyId: string
  kind: 'WAREHOUSE' | 'MERCHANT'
  merchantId: string | null
  scopes: string[]
  /** How the audit names the key: its prefix and name, never the secret. */
  label: string
}

export async function authenticateApiKey(authorization: string | null, now = new Date()): Promise<AuthenticatedKey> {
  const key = bearerKey(authorization)
  if (key === null || isDemoKeyRefused(key)) throw invalidApiKey()
  const row = await db.apiKey.findUnique({
    where: { secretHash: hashApiKey(key) },
    select: { id: true, kind: true, merchantId: true, scopes: true, revokedAt: true, lastUsedAt: true, prefix: true, name: true },
  })
  if (!row || row.revokedAt !== null) throw invalidApiKey()
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS)
  if (row.lastUsedAt === null || row.lastUsedAt < stale) {
    // Conditional, so that parallel requests of one key write it once.
    await db.apiKey.updateMany({ where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] }, data: { lastUsedAt: now } })
  }
  return { keyId: row.id, kind: row.kind, merchantId: row.merchantId, scopes: row.scopes, label: `${row.prefix}… (${row.name})` }
}
