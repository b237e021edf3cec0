// Where each order stands with Back Market, as the merchant's tools read it: for every operation
// ever queued for the order (accept, ship, cancel), its newest task — queued, sent, accepted,
// verified or failed and why. One statement for a whole page of orders: DISTINCT ON walks the
// (orderId, createdAt desc) index once per order, however many re-syncs an order has had.
import 'server-only'
import { db } from '@/lib/db'
import type { SyncOperation, SyncTaskStatus } from '@/lib/generated/prisma/enums'
import { failureTextOf } from './failure-text'

export type OrderSyncSummary = {
  id: string
  operation: SyncOperation
  status: Lowercase<SyncTaskStatus>
  done: boolean
  attempts: number
  nextAttemptAt: Date | null
  /** `message` is the English text as recorded; `code`/`params` name it in any language. */
  failure: { kind: string; message: string; code: string | null; params: Record<string, string | number> } | null
  createdAt: Date
  finishedAt: Date | null
}

type Row = {
  id: string
  orderId: string
  operation: SyncOperation
  status: SyncTaskStatus
  attempts: number
  nextAttemptAt: Date | null
  failureKind: string | null
  failureMessage: string | null
  failureCode: string | null
  failureParams: unknown
  createdAt: Date
  finishedAt: Date | null
}

/** Order id → its newest task per operation, in operation order; orders never synced are absent. */
export async function latestSyncsOfOrders(opts: { merchantId: string; orderIds: readonly string[] }): Promise<Map<string, OrderSyncSummary[]>> {
  if (opts.orderIds.length === 0) return new Map()
  const rows = await db.$queryRaw<Row[]>`
    SELECT DISTINCT ON ("orderId", operation)
           id, "orderId", operation, status, attempts, "nextAttemptAt", "failureKind", "failureMessage", "failureCode", "failureParams",
           "createdAt", "finishedAt"
      FROM "SyncTask"
     WHERE "merchantId" = ${opts.merchantId}::uuid AND "orderId" = ANY(${opts.orderIds}::uuid[])
     ORDER BY "orderId", operation, "createdAt" DESC, id DESC`
  const byOrder = new Map<string, OrderSyncSummary[]>()
  for (const row of rows) {
    const list = byOrder.get(row.orderId) ?? []
    list.push(toSummary(row))
    byOrder.set(row.orderId, list)
  }
  return byOrder
}

function toSummary(row: Row): OrderSyncSummary {
  return {
    id: row.id,
    operation: row.operation,
    status: row.status.toLowerCase() as Lowercase<SyncTaskStatus>,
    done: row.finishedAt !== null,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    failure:
      row.failureKind && row.failureMessage
        ? { kind: row.failureKind, message: row.failureMessage, ...failureTextOf({ message: row.failureMessage, code: row.failureCode, params: row.failureParams }) }
        : null,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  }
}
