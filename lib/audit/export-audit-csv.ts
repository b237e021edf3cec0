// The audit as CSV, streamed: keyset batches of EXPORT_BATCH rows in (at desc, id desc), each
// encoded and handed to the stream only when the reader asks for more (pull). Memory holds one
// batch whatever the number of rows, and a reader that stops (a closed download) stops the reads.
import 'server-only'
import { db } from '@/lib/db'
import type { AuditEvent } from '@/lib/generated/prisma/client'
import { afterCursor, type AuditCursor } from './audit-cursor'
import { CSV_BOM, csvRow } from './audit-csv'
import { auditWhere, type AuditFilter } from './audit-filters'

export const EXPORT_BATCH = 2_000

const COLUMNS = ['id', 'at_utc', 'at_local', 'actor_kind', 'actor_id', 'actor', 'ip_address', 'user_agent', 'action', 'order_reference', 'subject_type', 'subject_id', 'before', 'after']

/** "2026-12-06 09:42:17" in the zone (sv-SE writes ISO-like dates), one formatter for the whole file. */
function localFormatter(timeZone: string): (d: Date) => string {
  const f = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
  return (d) => f.format(d)
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v))

/** Every CSV line of the filtered audit, header first; one batch read at a time. */
export async function* auditCsvLines(opts: { merchantId: string; filter: AuditFilter; timeZone: string; batch?: number }): AsyncGenerator<string> {
  const where = auditWhere(opts.merchantId, opts.filter, opts.timeZone)
  const local = localFormatter(opts.timeZone)
  const batch = opts.batch ?? EXPORT_BATCH
  yield CSV_BOM + csvRow(COLUMNS.map((c) => (c === 'at_local' ? `at_local (${opts.timeZone})` : c)))
  let cursor: AuditCursor | null = null
  for (;;) {
    const rows: AuditEvent[] = await db.auditEvent.findMany({ where: { AND: [where, afterCursor(cursor)] }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: batch })
    if (rows.length === 0) return
    let chunk = ''
    for (const r of rows) {
      chunk += csvRow([r.id.toString(), r.at.toISOString(), local(r.at), r.actorKind, r.actorId, r.actorName, r.ipAddress, r.userAgent, r.action, r.orderReference, r.subjectType, r.subjectId, json(r.before), json(r.after)])
    }
    yield chunk
    if (rows.length < batch) return
    const last: AuditEvent = rows[rows.length - 1]!
    cursor = { at: last.at, id: last.id }
  }
}

/** The lines as a byte stream for a Response: pulled, so a slow reader slows the reads. */
export function auditCsvStream(opts: Parameters<typeof auditCsvLines>[0]): ReadableStream<Uint8Array> {
  const lines = auditCsvLines(opts)
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await lines.next()
        if (next.done) controller.close()
        else controller.enqueue(encoder.encode(next.value))
      },
      async cancel() {
        await lines.return(undefined)
      },
    },
    { highWaterMark: 1 },
  )
}
