// Forgets Idempotency-Keys past their 24 hours. claimIdempotencyKey clears an API key's expired rows
// only when that key claims again, so a client that stopped writing (or a revoked key) left its rows
// forever. Deleted in batches by createdAt (indexed) so one run never holds a long lock on the table.
import 'server-only'
import { db } from '@/lib/db'
import { IDEMPOTENCY_TTL_MS } from './idempotency'

const BATCH = 1_000

/** Deletes every key older than the TTL, BATCH rows per statement; returns how many went. */
export async function pruneIdempotencyKeys(opts: { now?: Date; batch?: number } = {}): Promise<number> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - IDEMPOTENCY_TTL_MS)
  const batch = opts.batch ?? BATCH
  let deleted = 0
  for (;;) {
    const n = await db.$executeRaw`
      DELETE FROM "ApiIdempotencyKey" WHERE id IN (
        SELECT id FROM "ApiIdempotencyKey" WHERE "createdAt" < ${cutoff} ORDER BY "createdAt" LIMIT ${batch}
      )`
    deleted += n
    if (n < batch) return deleted
  }
}
