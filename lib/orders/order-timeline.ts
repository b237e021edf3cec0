// What happened to one order, newest first, from the rows that already record it: its import
// (Order.createdAt), the warehouse's events about it, each call to Back Market for it, the changes
// people and keys made (the audit), and its sync issues opening and resolving (a dismissal is a
// person's change: its audit row says who and why, so it is not listed twice). Each source is read
// by its own index and capped, so a busy order's page stays quick.
import 'server-only'
import { db } from '@/lib/db'
import type { AuditActorKind, SyncAttemptOutcome, SyncOperation, WarehouseEventState } from '@/lib/generated/prisma/enums'

/** Newest rows read from each source. */
export const TIMELINE_PER_SOURCE = 100

export type TimelineEntry = { id: string; at: string } & (
  | { kind: 'imported' }
  | { kind: 'warehouse'; type: string; state: WarehouseEventState; outcomeMessage: string | null }
  | { kind: 'sync'; operation: SyncOperation; outcome: SyncAttemptOutcome; httpStatus: number | null; message: string | null }
  | { kind: 'audit'; action: string; actorKind: AuditActorKind; actorName: string; before: unknown; after: unknown }
  | { kind: 'issue_opened'; operation: SyncOperation; message: string }
  | { kind: 'issue_resolved'; operation: SyncOperation }
)

/** The merchant's order's timeline; empty when the merchant has no such order. */
export async function getOrderTimeline(opts: { merchantId: string; reference: string }): Promise<TimelineEntry[]> {
  const { merchantId, reference } = opts
  const order = await db.order.findUnique({ where: { merchantId_reference: { merchantId, reference } }, select: { id: true, createdAt: true } })
  if (!order) return []
  const orderId = order.id
  const take = TIMELINE_PER_SOURCE
  const [events, tasks, audit, issues] = await Promise.all([
    // The warehouse names an order's events by this subject (lib/warehouse-events/event-schema.ts eventSubject).
    db.warehouseEvent.findMany({ where: { merchantId, subject: `order:${reference}` }, orderBy: { occurredAt: 'desc' }, take, select: { id: true, type: true, occurredAt: true, state: true, outcomeMessage: true } }),
    db.syncTask.findMany({ where: { orderId, merchantId }, orderBy: { createdAt: 'desc' }, take, select: { id: true } }),
    db.auditEvent.findMany({ where: { merchantId, orderReference: reference }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take }),
    db.syncIssue.findMany({ where: { orderId, merchantId }, orderBy: { firstSeenAt: 'desc' }, take }),
  ])
  const attempts = tasks.length
    ? await db.syncAttempt.findMany({ where: { merchantId, taskId: { in: tasks.map((t) => t.id) } }, orderBy: { createdAt: 'desc' }, take })
    : []

  const entries: TimelineEntry[] = [
    { id: `import:${orderId}`, at: order.createdAt.toISOString(), kind: 'imported' },
    ...events.map((e): TimelineEntry => ({ id: `wh:${e.id}`, at: e.occurredAt.toISOString(), kind: 'warehouse', type: e.type, state: e.state, outcomeMessage: e.outcomeMessage })),
    ...attempts.map((a): TimelineEntry => ({ id: `sync:${a.id}`, at: a.createdAt.toISOString(), kind: 'sync', operation: a.operation, outcome: a.outcome, httpStatus: a.httpStatus, message: a.message })),
    ...audit.map((a): TimelineEntry => ({ id: `audit:${a.id}`, at: a.at.toISOString(), kind: 'audit', action: a.action, actorKind: a.actorKind, actorName: a.actorName, before: a.before, after: a.after })),
    ...issues.flatMap((i): TimelineEntry[] => [
      { id: `issue:${i.id}`, at: i.firstSeenAt.toISOString(), kind: 'issue_opened', operation: i.operation, message: i.message },
      ...(i.resolvedAt ? [{ id: `issue-resolved:${i.id}`, at: i.resolvedAt.toISOString(), kind: 'issue_resolved' as const, operation: i.operation }] : []),
    ]),
  ]
  // Newest first; at the same instant, the order the sources were listed in reversed (the import last).
  return entries.map((e, i) => ({ e, i })).sort((a, b) => b.e.at.localeCompare(a.e.at) || b.i - a.i).map(({ e }) => e)
}
