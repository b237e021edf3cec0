// What the connection-issues page needs beside the banner's errors, for their actions and their
// order: where our warehouse has each order (the status hierarchy's "us") and its Back Market
// cut-off, and for each issue its next automatic retry and the pre-flight stored with its last
// failed sync. A few bounded queries (≤ 20 errors).
import 'server-only'
import { db } from '@/lib/db'
import { backMarketStage } from '@/lib/orders/backmarket-stage'
import type { OrderDeadlines } from '@/lib/orders/deadlines'
import { deadlinesForOrders } from '@/lib/orders/deadlines-for-orders'
import type { ConnectionError } from './connection-health'
import type { ErrorDeadline, IssueContext } from './issue-context-view'
import { parseStoredPreflight, type PreflightCheck } from './preflight-rules'

const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))]

/** Read like every stored verdict (parseStoredPreflight): a malformed one has no failed checks to show. */
function failedChecks(preflight: unknown): PreflightCheck[] {
  return parseStoredPreflight(preflight)?.checks.filter((c) => !c.ok) ?? []
}

function toErrorDeadline(d: OrderDeadlines): ErrorDeadline | null {
  if (!d.applies) return null
  return { at: d.applies.at.toISOString(), kind: d.applies.kind, assumed: d.applies.source === 'assumed', overdue: d.urgency === 'overdue' }
}

export async function loadIssueContext(opts: { merchantId: string; errors: readonly ConnectionError[] }): Promise<IssueContext> {
  const references = distinct(opts.errors.map((e) => e.reference))
  const issueIds = distinct(opts.errors.map((e) => e.issueId))
  const [orders, issues, deadlines] = await Promise.all([
    references.length ? db.order.findMany({ where: { merchantId: opts.merchantId, reference: { in: references } }, select: { reference: true, status: true } }) : [],
    issueIds.length
      ? db.syncIssue.findMany({ where: { merchantId: opts.merchantId, id: { in: issueIds } }, select: { id: true, nextRetryAt: true, occurrences: true, lastTaskId: true } })
      : [],
    deadlinesForOrders({ merchantId: opts.merchantId, references }),
  ])
  const taskIds = distinct(issues.map((i) => i.lastTaskId))
  const tasks = taskIds.length ? await db.syncTask.findMany({ where: { merchantId: opts.merchantId, id: { in: taskIds } }, select: { id: true, preflight: true } }) : []
  const preflightOf = new Map(tasks.map((t) => [t.id, t.preflight]))
  return {
    orderStages: Object.fromEntries(orders.map((o) => [o.reference, backMarketStage(o.status)])),
    deadlines: Object.fromEntries([...deadlines].flatMap(([reference, d]) => {
      const deadline = toErrorDeadline(d)
      return deadline ? [[reference, deadline]] : []
    })),
    issues: Object.fromEntries(
      issues.map((i) => [
        i.id,
        { nextRetryAt: i.nextRetryAt?.toISOString() ?? null, occurrences: i.occurrences, failedChecks: failedChecks(i.lastTaskId ? preflightOf.get(i.lastTaskId) : null) },
      ]),
    ),
  }
}
