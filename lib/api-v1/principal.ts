// Who is calling /api/v1: the key, what kind it is, whose data it may touch and what it may do.
import type { AuditActor } from '@/lib/audit/actor'
import type { AuthenticatedKey } from '@/lib/api-keys/authenticate-api-key'
import { API_SCOPES, type ApiScope } from '@/lib/api-v1/operation'

export type V1Principal = {
  keyId: string
  kind: 'WAREHOUSE' | 'MERCHANT'
  /** The merchant a MERCHANT key belongs to (every read is scoped to it); null for WAREHOUSE. */
  merchantId: string | null
  scopes: ApiScope[]
  /** Who the audit says made a change through this key. */
  actor: AuditActor
}

/**
 * Scopes that come with another. A re-sync (sync:write) answers with the Location of its task,
 * which only sync:read may follow: a write-only key could start a sync it could never see end.
 * Applied here rather than stored, so keys made before this rule gain it too.
 */
const IMPLIED_SCOPES: Partial<Record<ApiScope, ApiScope[]>> = { 'sync:write': ['sync:read'] }

/** The authenticated key as /api/v1 sees it: scopes it does not know are dropped, implied ones added. */
export function toPrincipal(key: AuthenticatedKey, origin: { ipAddress: string | null; userAgent: string | null } = { ipAddress: null, userAgent: null }): V1Principal {
  const known = key.scopes.filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s))
  const scopes = [...new Set(known.flatMap((s) => [s, ...(IMPLIED_SCOPES[s] ?? [])]))]
  return { keyId: key.keyId, kind: key.kind, merchantId: key.merchantId, scopes, actor: { kind: 'API_KEY', id: key.keyId, name: key.label, ...origin } }
}
