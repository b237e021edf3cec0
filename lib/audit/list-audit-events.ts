// One page of a merchant's audit, newest first, filtered; `nextCursor` when there is more. The
// merchant comes from the session, never from the query: another merchant's rows cannot appear.
import 'server-only'
import { db } from '@/lib/db'
import { afterCursor, decodeAuditCursor, encodeAuditCursor } from './audit-cursor'
import { AUDIT_PAGE_SIZE, auditWhere, type AuditFilter } from './audit-filters'
import { toAuditEventView, type AuditEventView } from './audit-event-view'

export async function listAuditEvents(opts: { merchantId: string; filter: AuditFilter; timeZone: string; cursor?: string | null; limit?: number }): Promise<{ events: AuditEventView[]; nextCursor: string | null }> {
  const limit = opts.limit ?? AUDIT_PAGE_SIZE
  const cursor = opts.cursor ? decodeAuditCursor(opts.cursor) : null
  const rows = await db.auditEvent.findMany({
    where: { AND: [auditWhere(opts.merchantId, opts.filter, opts.timeZone), afterCursor(cursor)] },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  })
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return { events: page.map(toAuditEventView), nextCursor: rows.length > limit && last ? encodeAuditCursor(last) : null }
}
