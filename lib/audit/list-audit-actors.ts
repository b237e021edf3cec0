// Who appears in a merchant's audit, for the "who" filter: each actor once, under the name of
// their latest row (a renamed user shows their current name). Walks the (merchantId, actorId, at)
// index; workers are offered by kind only.
import 'server-only'
import { db } from '@/lib/db'
import type { AuditActorKind } from '@/lib/generated/prisma/enums'

export type AuditActorOption = { kind: AuditActorKind; id: string; name: string }

export async function listAuditActors(opts: { merchantId: string; limit?: number }): Promise<AuditActorOption[]> {
  const rows = await db.$queryRaw<AuditActorOption[]>`
    SELECT DISTINCT ON ("actorId") "actorKind"::text AS kind, "actorId" AS id, "actorName" AS name
    FROM "AuditEvent"
    WHERE "merchantId" = ${opts.merchantId}::uuid AND "actorId" IS NOT NULL AND "actorKind" IN ('USER', 'STAFF', 'API_KEY')
    ORDER BY "actorId", at DESC
    LIMIT ${opts.limit ?? 500}`
  return rows.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name))
}
