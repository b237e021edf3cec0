// The hourly prune of expired Idempotency-Keys (prune-idempotency-keys.ts): a pg-boss cron like the
// listing recheck, fired once across all workers, one run at a time on a singleton queue.
import 'server-only'
import type PgBoss from 'pg-boss'
import { log } from '@/lib/log'
import { pruneIdempotencyKeys } from './prune-idempotency-keys'

export const IDEMPOTENCY_PRUNE_QUEUE = 'idempotency-prune'
/** Hourly: keys live 24 hours, so at most an hour's worth of expired rows waits. */
export const IDEMPOTENCY_PRUNE_CRON = '17 * * * *'

export async function registerIdempotencyPrune(boss: PgBoss): Promise<void> {
  await boss.createQueue(IDEMPOTENCY_PRUNE_QUEUE, { name: IDEMPOTENCY_PRUNE_QUEUE, policy: 'singleton' })
  await boss.work(IDEMPOTENCY_PRUNE_QUEUE, async () => {
    const deleted = await pruneIdempotencyKeys()
    if (deleted) log.info({ deleted }, 'expired idempotency keys pruned')
  })
  await boss.schedule(IDEMPOTENCY_PRUNE_QUEUE, IDEMPOTENCY_PRUNE_CRON)
}
