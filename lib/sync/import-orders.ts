// Imports one merchant's Back Market orders: every order waiting to be accepted, then every
// order changed since the cursor (the newest date_modification seen). Each run is recorded.
// Safe to run concurrently with itself: upserts are idempotent and the cursor only moves forward.
// A merchant with no token (not connected, or disconnected) is skipped without a run; Back Market
// refusing the token marks it refused (the banner's cause), and an accepted run clears that.
import 'server-only'
import { refusesTokenEverywhere } from '@/lib/backmarket/check-connection'
import type { BackMarketClient } from '@/lib/backmarket/client'
import { workerActor } from '@/lib/audit/actor'
import { toOrderImport } from '@/lib/backmarket/mapper'
import { db } from '@/lib/db'
import { log } from '@/lib/log'
import { backMarketClientFor } from './backmarket-client-for'
import { clearRefusalAndResume } from './connection/resume-held-tasks'
import { markTokenRefused } from './connection/token-refusal'
import { importErrorColumn } from './import-error'
import { nextCursor } from './import-cursor'
import { upsertImportedOrder } from './upsert-imported-order'

/** How far back the first import of a merchant looks for changed orders. */
export const FIRST_IMPORT_LOOKBACK_MS = 30 * 24 * 3600 * 1000

/** `skipped`: nothing was asked of Back Market, the merchant has no token saved (no run either). */
export type ImportSummary = { runId: string | null; seen: number; created: number; updated: number; failures: number; skipped?: 'disconnected' }

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
  const processed: { dateModification: Date; ok: boolean }[] = []
  const seenRefs = new Set<string>()

  try {
    // A page may wait behind the sync engine's calls for the merchant's budget: a minute at most.
    const client = opts.client ?? backMarketClientFor(merchant, { rateLimited: { maxWaitMs: 60_000 } })
    const sources = [client.iterateOrders({ state: 1 }), client.iterateOrders({ dateModification: cursorFrom })]
    for (const source of sources) {
      for await (const raw of source) {
        const order = toOrderImport(raw)
        if (seenRefs.has(order.reference)) continue
        seenRefs.add(order.reference)
        counts.seen++
        try {
          const result = await upsertImportedOrder({ merchantId, order, raw, seenAt: now })
          if (result === 'created') counts.created++
          if (result === 'updated') counts.updated++
          processed.push({ dateModification: order.bmDateModification, ok: true })
        } catch (err) {
          counts.failures++
          processed.push({ dateModification: order.bmDateModification, ok: false })
          log.warn({ err, merchantId, reference: order.reference }, 'order import failed')
        }
      }
    }
    const cursorTo = nextCursor(merchant.importCursor, processed)
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
