// A merchant's API keys for the settings page: what tells them apart (name, prefix, scopes), who
// made each and when, its last use, and whether it is revoked. Never the secret (it is not kept).
import 'server-only'
import { db } from '@/lib/db'

export type ListedApiKey = {
  id: string
  name: string
  prefix: string
  scopes: string[]
  createdByName: string | null
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

/** Revoked keys stay listed (their last use helps an audit); a merchant has a handful of keys. */
const MAX_LISTED = 200

export async function listApiKeys({ merchantId }: { merchantId: string }): Promise<ListedApiKey[]> {
  const keys = await db.apiKey.findMany({
    where: { merchantId, kind: 'MERCHANT' },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: MAX_LISTED,
  })
  const creatorIds = [...new Set(keys.map((k) => k.createdById).filter((id): id is string => id !== null))]
  const creators = await db.user.findMany({ where: { id: { in: creatorIds }, merchantId }, select: { id: true, name: true } })
  const nameOf = new Map(creators.map((u) => [u.id, u.name]))
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    createdByName: k.createdById === null ? null : (nameOf.get(k.createdById) ?? null),
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }))
}
