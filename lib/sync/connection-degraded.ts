// Merchant.connectionDegradedAt and the connection.degraded / connection.recovered webhooks. The
// connection is degraded while an issue says Back Market cannot be reached or refuses our token
// (an active CONNECTION or CREDENTIALS issue), or while the merchant row says Back Market refused
// the saved token (bmTokenRefusedAt: the importer's refusals open no issue): failures of one
// order's data are not the connection's. Re-read under the merchant's row lock each time issues open or close, so two
// workers opening and closing at once cannot leave it set with nothing open, or cleared with
// something open; the webhook fires only on the transition.
import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { SyncIssueKind } from '@/lib/generated/prisma/enums'
import { emitWebhookEvent } from '@/lib/webhooks/emit'
import { ACTIVE_ISSUE_STATUSES } from './issue-lifecycle'

export const DEGRADING_ISSUE_KINDS: readonly SyncIssueKind[] = ['CONNECTION', 'CREDENTIALS']

export type ConnectionChange = 'degraded' | 'recovered' | null

export async function refreshConnectionDegraded(tx: Prisma.TransactionClient, opts: { merchantId: string; now: Date }): Promise<ConnectionChange> {
  // NO KEY UPDATE: serialises these refreshes without blocking inserts that reference the merchant.
  const rows = await tx.$queryRaw<{ connectionDegradedAt: Date | null; bmTokenRefusedAt: Date | null }[]>`
    SELECT "connectionDegradedAt", "bmTokenRefusedAt" FROM "Merchant" WHERE id = ${opts.merchantId}::uuid FOR NO KEY UPDATE`
  const row = rows[0]
  if (!row) return null
  const active = await tx.syncIssue.findMany({
    where: { merchantId: opts.merchantId, status: { in: [...ACTIVE_ISSUE_STATUSES] }, kind: { in: [...DEGRADING_ISSUE_KINDS] } },
    select: { kind: true, firstSeenAt: true },
    orderBy: { firstSeenAt: 'asc' },
  })
  const refused = row.bmTokenRefusedAt !== null
  if ((active.length > 0 || refused) && row.connectionDegradedAt === null) {
    await tx.merchant.update({ where: { id: opts.merchantId }, data: { connectionDegradedAt: opts.now } })
    const kinds = [...new Set([...active.map((i) => i.kind), ...(refused ? (['CREDENTIALS'] as const) : [])])]
    await emitWebhookEvent(tx, { merchantId: opts.merchantId, type: 'connection.degraded', data: { since: opts.now.toISOString(), openIssues: active.length, kinds }, now: opts.now })
    return 'degraded'
  }
  if (active.length === 0 && !refused && row.connectionDegradedAt !== null) {
    await tx.merchant.update({ where: { id: opts.merchantId }, data: { connectionDegradedAt: null } })
    await emitWebhookEvent(tx, {
      merchantId: opts.merchantId,
      type: 'connection.recovered',
      data: { degradedSince: row.connectionDegradedAt.toISOString(), recoveredAt: opts.now.toISOString() },
      now: opts.now,
    })
    return 'recovered'
  }
  return null
}
