// The key of an /api/v1 request, checked: well-formed, known by its SHA-256, not revoked. Any
// failure is the same 401 (no hint whether a key exists). Last use is written at most once a
// minute, so a busy warehouse key costs one read per request, not a write.
import 'server-only'
import { db } from '@/lib/db'
import { prepared, runPrepared } from '@/lib/db/prepared'
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

type KeyRow = { id: string; kind: 'WAREHOUSE' | 'MERCHANT'; merchantId: string | null; scopes: string[]; revokedAt: Date | null; lastUsedAt: Date | null; prefix: string; name: string }

// Every /api/v1 request reads its key: a named statement on the process's pool (ADR 0014), not
// Prisma's findUnique, whose per-call compile and mapping cost more than the index lookup itself.
const KEY_BY_SECRET_HASH = prepared(
  'api_key_by_secret_hash',
  `SELECT id, kind::text AS kind, "merchantId", scopes, "revokedAt", "lastUsedAt", prefix, name FROM "ApiKey" WHERE "secretHash" = $1`,
)

export async function authenticateApiKey(authorization: string | null, now = new Date()): Promise<AuthenticatedKey> {
  const key = bearerKey(authorization)
  if (key === null || isDemoKeyRefused(key)) throw invalidApiKey()
  const [row] = await runPrepared<KeyRow>(KEY_BY_SECRET_HASH, [hashApiKey(key)])
  if (!row || row.revokedAt !== null) throw invalidApiKey()
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS)
  if (row.lastUsedAt === null || row.lastUsedAt < stale) {
    // Conditional, so that parallel requests of one key write it once.
    await db.apiKey.updateMany({ where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] }, data: { lastUsedAt: now } })
  }
  return { keyId: row.id, kind: row.kind, merchantId: row.merchantId, scopes: row.scopes, label: `${row.prefix}… (${row.name})` }
}
