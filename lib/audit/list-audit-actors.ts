// Who appears in a merchant's audit, for the "who" filter: each actor once, under the name of
// their latest row (a renamed user shows their current name); workers are offered by kind only.
// A loose index scan: the recursive part hops from one actorId to the next in the
// (merchantId, actorId, at) index, one probe per actor, then each actor's latest row is one more
// probe. DISTINCT ON read every row of the merchant (458 ms at 300,000 rows, 0.5 ms this way).
import 'server-only'
import { db } from '@/lib/db'
import type { AuditActorKind } from '@/lib/generated/prisma/enums'

export type AuditActorOption = { kind: AuditActorKind; id: string; name: string }

export async function listAuditActors(opts: { merchantId: string; limit?: number }): Promise<AuditActorOption[]> {
  const m = opts.merchantId
  const rows = await db.$queryRaw<AuditActorOption[]>`
    WITH RECURSIVE actor AS (
      (SELECT "actorId" AS id FROM "AuditEvent" WHERE "merchantId" = ${m}::uuid AND "actorId" IS NOT NULL ORDER BY "actorId" LIMIT 1)
      UNION ALL
      SELECT (SELECT e."actorId" FROM "AuditEvent" e WHERE e."merchantId" = ${m}::uuid AND e."actorId" > actor.id ORDER BY e."actorId" LIMIT 1)
      FROM actor WHERE actor.id IS NOT NULL
    )
    SELECT latest.kind, actor.id, latest.name
    FROM actor
    CROSS JOIN LATERAL (
      SELECT e."actorKind"::text AS kind, e."actorName" AS name FROM "AuditEvent" e
      WHERE e."merchantId" = ${m}::uuid AND e."actorId" = actor.id
      ORDER BY e.at DESC LIMIT 1
    ) latest
    WHERE actor.id IS NOT NULL AND latest.kind IN ('USER', 'STAFF', 'API_KEY')
    LIMIT ${opts.limit ?? 500}`
  return rows.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name))
}
