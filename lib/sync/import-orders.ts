// Imports one merchant's Back Market orders: every order waiting to be accepted, then every
// order changed since the cursor (the newest date_modification seen). Each run is recorded.
// Safe to run concurrently with itself: upserts are idempotent and the cursor only moves forward.
// A merchant with no token (not connected, or disconnected) is skipped without a run; Back Market
// refusing the token marks it refused (the banner's cause), and an accepted run clears that.
import 'server-only'
import { refusesTokenEverywhere } from '@/lib/backmarket/check-connection'
import type { BackMarketClient } from '@/lib/backmarket/client'
import type { BmOrder } from '@/lib/backmarket/schemas'
import { workerActor } from '@/lib/audit/actor'
import { toOrderImport } from '@/lib/backmarket/mapper'
import { db } from '@/lib/db'
import { log } from '@/lib/log'
import { backMarketClientFor } from './backmarket-client-for'
import { clearRefusalAndResume } from './connection/resume-held-tasks'
import { markTokenRefused } from './connection/token-refusal'
import { importErrorColumn } from './import-error'
import { createCursorTracker } from './import-cursor'
import { inBatches, inParallel, prefetched } from './import-batches'
import { upsertImportedOrder } from './upsert-imported-order'

/** How far back the first import of a merchant looks for changed orders. */
export const FIRST_IMPORT_LOOKBACK_MS = 30 * 24 * 3600 * 1000

/** `skipped`: nothing was asked of Back Market, the merchant has no token saved (no run either). */
export type ImportSummary = { runId: string | null; seen: number; created: number; updated: number; failures: number; skipped?: 'disconnected' }

/** Orders upserted at once (each its own transaction); the pool holds DB_POOL_MAX connections. */
const IMPORT_CONCURRENCY = 4
/** Orders taken from the source at a time: Back Market's page. */
const IMPORT_BATCH = 50

/** The audit's name for the importer when it finds the token refused. */
const IMPORT_JOB = 'import-orders'

export async function importMerchantOrders(opts: {
  merchantId: string
  client?: BackMarketClient
  now?: Date
}): Promise<ImportSummary> {
  const { merchantId } = opts
  const now = opts.now ?? new Date()
  const merchant = await db.merchant.findUniqueOrThrow({
    where: { id: merchantId },
    select: { id: true, importCursor: true, bmTokenEncrypted: true, bmMarket: true, bmTokenRefusedAt: true },
  })
  const sealedToken = merchant.bmTokenEncrypted
  if (sealedToken === null) return { runId: null, seen: 0, created: 0, updated: 0, failures: 0, skipped: 'disconnected' }
  const cursorFrom = merchant.importCursor ?? new Date(now.getTime() - FIRST_IMPORT_LOOKBACK_MS)
  const run = await db.importRun.create({ data: { merchantId, cursorFrom } })
  const counts = { seen: 0, created: 0, updated: 0, failures: 0 }
  // Memory stays flat however many orders a run reads (a first import: 100,000, bench:import):
  // the cursor is a running summary, and only the orders awaiting acceptance (few: Back Market
  // cancels them after days) are remembered, so the second source skips them.
  const cursor = createCursorTracker(merchant.importCursor)
  const awaitingRefs = new Set<string>()

  try {
    // A page may wait behind the sync engine's calls for the merchant's budget: a minute at most.
    const client = opts.client ?? backMarketClientFor(merchant, { rateLimited: { maxWaitMs: 60_000 } })
    const sources = [
      { awaiting: true, orders: client.iterateOrders({ state: 1 }) },
      { awaiting: false, orders: client.iterateOrders({ dateModification: cursorFrom }) },
    ]
    const importOne = async (raw: BmOrder) => {
      const order = toOrderImport(raw)
      try {
        const result = await upsertImportedOrder({ merchantId, order, raw, seenAt: now })
        if (result === 'created') counts.created++
        if (result === 'updated') counts.updated++
        cursor.add(order.bmDateModification, true)
      } catch (err) {
        counts.failures++
        cursor.add(order.bmDateModification, false)
        log.warn({ err, merchantId, reference: order.reference }, 'order import failed')
      }
    }
    for (const source of sources) {
      // A page's orders are upserted a few at a time (each its own transaction, on its own
      // rows) while the next page is fetched: one at a time, a first import of 100,000 orders
      // took 12× the time Back Market's rate limit needs (bench:import). Two pages in memory at most.
      for await (const batch of prefetched(inBatches(source.orders, IMPORT_BATCH))) {
        const fresh: BmOrder[] = []
        for (const raw of batch) {
          const reference = String(raw.order_id)
          // An order changed while the run pages through (it moves to a later page) may come
          // twice: the upsert is idempotent, so it is only counted twice.
          if (awaitingRefs.has(reference) || fresh.some((o) => o.order_id === raw.order_id)) continue
          if (source.awaiting) awaitingRefs.add(reference)
          fresh.push(raw)
        }
        counts.seen += fresh.length
        await inParallel(fresh, IMPORT_CONCURRENCY, importOne)
      }
    }
    const cursorTo = cursor.next()
    // Only ever forward, even if a slower concurrent run finishes after a faster one.
    if (cursorTo) {
      await db.merchant.updateMany({
        where: { id: merchantId, OR: [{ importCursor: null }, { importCursor: { lt: cursorTo } }] },
        data: { importCursor: cursorTo },
      })
    }
    await db.importRun.update({
      where: { id: run.id },
      data: {
        status: counts.failures ? 'FAILED' : 'SUCCEEDED',
        finishedAt: new Date(),
        cursorTo,
        ordersSeen: counts.seen,
        ordersCreated: counts.created,
        ordersUpdated: counts.updated,
        failures: counts.failures,
        error: counts.failures ? `${counts.failures} order(s) could not be imported; they will be retried` : null,
      },
    })
  } catch (err) {
    await db.importRun.update({
      where: { id: run.id },
      data: {
        status: 'FAILED',
        finishedAt: new Date(),
        ordersSeen: counts.seen,
        ordersCreated: counts.created,
        ordersUpdated: counts.updated,
        failures: counts.failures,
        // A code and status for the settings page; the raw message is logged below, never shown.
        error: importErrorColumn(err),
      },
    })
    log.warn({ err, merchantId, runId: run.id }, 'import run failed')
    // The refusal is marked for the banner, but the import's error stays Back Market's answer:
    // a failure to mark it (the database) is logged, never thrown in its place.
    if (refusesTokenEverywhere(err)) {
      await markTokenRefused({ merchantId, sealedToken, err, operation: err.path ? `${err.method ?? 'GET'} ${err.path.split('?')[0]}` : 'import', job: IMPORT_JOB, now }).catch(
        (markErr: unknown) => log.warn({ err: markErr, merchantId }, 'could not mark the Back Market token refused'),
      )
    }
    throw err
  }
  // Back Market accepted the token: a refusal marked earlier is over, and the tasks it held resume.
  if (merchant.bmTokenRefusedAt !== null) await clearRefusalAndResume({ merchantId, sealedToken, actor: workerActor(IMPORT_JOB), now })
  return { runId: run.id, ...counts }
}
