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

/**
 * Revoked keys stay listed (their last use helps an audit), the most recent ones only. Live keys
 * are all listed, first: a live key that fell off the list could no longer be revoked here. Their
 * number is bounded at creation (MAX_LIVE_KEYS).
 */
export const MAX_REVOKED_LISTED = 50

export async function listApiKeys({ merchantId }: { merchantId: string }): Promise<ListedApiKey[]> {
  const where = { merchantId, kind: 'MERCHANT' } as const
  const newestFirst = [{ createdAt: 'desc' }, { id: 'asc' }] as const
  const [live, revoked] = await Promise.all([
    db.apiKey.findMany({ where: { ...where, revokedAt: null }, orderBy: [...newestFirst] }),
    db.apiKey.findMany({ where: { ...where, revokedAt: { not: null } }, orderBy: [...newestFirst], take: MAX_REVOKED_LISTED }),
  ])
  const keys = [...live, ...revoked]
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
