// The Audit list's keyset cursor: the (at, id) of the last row shown, opaque to the reader. The
// next page is the rows strictly after it in (at desc, id desc): no row skipped or repeated while
// new ones arrive, and a page costs the same at row 10 as at row 1,000,000.
import { z } from 'zod'
import { AppError } from '@/lib/errors'

export type AuditCursor = { at: Date; id: bigint }

export function encodeAuditCursor(c: AuditCursor): string {
  return Buffer.from(`${c.at.getTime()}.${c.id}`).toString('base64url')
}

const Decoded = z.string().regex(/^\d{1,13}\.\d{1,19}$/)
const MAX_ID = 2n ** 63n - 1n

export function decodeAuditCursor(raw: string): AuditCursor {
  const text = Buffer.from(raw, 'base64url').toString('utf8')
  if (raw.length > 60 || !Decoded.safeParse(text).success) throw new AppError('bad_request', { userMessage: 'This page link is not valid.', fields: { cursor: ['Not a cursor'] } })
  const [at, id] = text.split('.') as [string, string]
  // A forged id past bigint's range would reach PostgreSQL as an error (a 500): refuse it here.
  if (BigInt(id) > MAX_ID) throw new AppError('bad_request', { userMessage: 'This page link is not valid.', fields: { cursor: ['Not a cursor'] } })
  return { at: new Date(Number(at)), id: BigInt(id) }
}

/**
 * Rows after the cursor, in (at desc, id desc). The redundant `at <= cursor` is what PostgreSQL
 * can use as an index bound on (merchantId, at desc, id desc): with the OR alone it scanned from
 * the newest row at every batch (bench:audit: 1M rows exported at 6,200 rows/s, 20,000 at 100k).
 */
export function afterCursor(c: AuditCursor | null) {
  return c ? { at: { lte: c.at }, OR: [{ at: { lt: c.at } }, { at: c.at, id: { lt: c.id } }] } : {}
}
