// Work Back Market refused with the token — a task ended FAILED with a CREDENTIALS issue (a 403,
// or a 401 from before such tasks were held) — is sent again once a working token is saved or
// the refused one accepted: each issue still active gets its re-sync, audited as one by whoever
// brought the token back (the admin, or the worker that saw it accepted). A re-sync that is
// refused again (the order moved on) says why in its issue; nothing else stops.
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { db } from '@/lib/db'
import { ACTIVE_ISSUE_STATUSES } from '../issue-lifecycle'
import { requestBulkResync } from '../request-bulk-resync'

/** Issues re-sent per round, so a merchant with many is not one huge request. */
const BATCH = 200

export async function resendRefusedWork(opts: { merchantId: string; actor: AuditActor }): Promise<number> {
  let resent = 0
  let after: string | undefined
  for (;;) {
    const issues = await db.syncIssue.findMany({
      where: { merchantId: opts.merchantId, kind: 'CREDENTIALS', status: { in: [...ACTIVE_ISSUE_STATUSES] }, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: BATCH,
    })
    if (issues.length === 0) return resent
    after = issues[issues.length - 1]!.id
    const results = await requestBulkResync({ merchantId: opts.merchantId, actor: opts.actor, issueIds: issues.map((i) => i.id) })
    resent += results.filter((r) => r.syncId !== null).length
  }
}
