// Recomputes merchants' banner summaries from their attempts and issues (rebuild-health-sql.ts),
// safe while the worker runs: each transaction locks the summary rows of at most
// MAX_MERCHANTS_PER_TRANSACTION merchants (one by default), so an outcome of another merchant never
// waits for it and one of the same merchant waits only that merchant's rebuild, well within the
// keep paths' transaction timeout (keep-health.ts KEEP_TRANSACTION).
import 'server-only'
import { db } from '@/lib/db'
import { REBUILD_TRANSACTION_TIMEOUT_MS } from './keep-health'
import { rebuildHealthStatements } from './rebuild-health-sql'

const SCOPED = rebuildHealthStatements(`= ANY(string_to_array($1, ',')::uuid[])`)

/** The lock-duration knob: merchants whose rows one transaction holds while it reads their history. */
export const MAX_MERCHANTS_PER_TRANSACTION = 10

/** Merchant ids read per page when rebuilding everyone (no lock is held while reading them). */
const PAGE = 500

async function rebuildTogether(merchantIds: readonly string[]): Promise<void> {
  const ids = merchantIds.join(',')
  await db.$transaction(
    async (tx) => {
      for (const statement of SCOPED) await tx.$executeRawUnsafe(statement, ids)
    },
    { timeout: REBUILD_TRANSACTION_TIMEOUT_MS },
  )
}

/** These merchants, `perTransaction` (1 to 10) at a time, each group in its own short transaction. */
export async function rebuildMerchantHealth(merchantIds: readonly string[], perTransaction = 1): Promise<void> {
  const size = Math.min(Math.max(1, Math.floor(perTransaction)), MAX_MERCHANTS_PER_TRANSACTION)
  for (let i = 0; i < merchantIds.length; i += size) await rebuildTogether(merchantIds.slice(i, i + size))
}

/** Every merchant in id order; returns how many were rebuilt. `perTransaction`: as above. */
export async function rebuildAllMerchantHealth(opts: { perTransaction?: number; onProgress?: (done: number) => void } = {}): Promise<number> {
  let after: string | undefined
  let done = 0
  for (;;) {
    const page = await db.merchant.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: 'asc' }, take: PAGE, select: { id: true } })
    if (page.length === 0) return done
    await rebuildMerchantHealth(page.map((m) => m.id), opts.perTransaction)
    done += page.length
    after = page[page.length - 1]?.id
    opts.onProgress?.(done)
  }
}
