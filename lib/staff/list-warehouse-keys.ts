// The warehouse keys (one per WMS, for every merchant) for the staff's Warehouse keys page: what
// tells them apart, who made each and when, its last use, whether it is revoked. Never a secret
// (only its SHA-256 is kept). Live keys first, then the most recent revoked ones.
import 'server-only'
import { db } from '@/lib/db'

export type ListedWarehouseKey = {
  id: string
  name: string
  prefix: string
  createdByName: string | null
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

export const MAX_REVOKED_WAREHOUSE_KEYS_LISTED = 50

export async function listWarehouseKeys(): Promise<ListedWarehouseKey[]> {
  const newestFirst = [{ createdAt: 'desc' }, { id: 'asc' }] as const
  const [live, revoked] = await Promise.all([
    db.apiKey.findMany({ where: { kind: 'WAREHOUSE', revokedAt: null }, orderBy: [...newestFirst] }),
    db.apiKey.findMany({ where: { kind: 'WAREHOUSE', revokedAt: { not: null } }, orderBy: [...newestFirst], take: MAX_REVOKED_WAREHOUSE_KEYS_LISTED }),
  ])
  const keys = [...live, ...revoked]
  const creatorIds = [...new Set(keys.map((k) => k.createdById).filter((id): id is string => id !== null))]
  const creators = await db.user.findMany({ where: { id: { in: creatorIds }, role: 'STAFF' }, select: { id: true, name: true } })
  const nameOf = new Map(creators.map((u) => [u.id, u.name]))
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdByName: k.createdById === null ? null : (nameOf.get(k.createdById) ?? null),
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }))
}
