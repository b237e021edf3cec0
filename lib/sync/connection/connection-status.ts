// What Settings → Back Market shows: whether the merchant is connected (and with which token, by
// its last four characters), its markets, a refusal Back Market gave, and the import's health —
// the last run (when, how it ended, what it imported), the orders held in all, the last error.
import 'server-only'
import { db } from '@/lib/db'
import type { ImportRunStatus } from '@/lib/generated/prisma/enums'
import { parseImportError, type ImportError } from '../import-error'

export type ConnectionState = 'not_connected' | 'token_refused' | 'connected'

export type ConnectionStatus = {
  state: ConnectionState
  /** The saved token's last four characters (shown as "…abcd"). */
  tokenEnding: string | null
  markets: string[]
  connectedAt: Date | null
  refusal: { at: Date; status: number | null; message: string } | null
  imports: {
    /** When the import running now started (a run older than RUNNING_STALE_MS is a crashed one, not shown). */
    runningSince: Date | null
    /** The last finished run: a running one has nothing to say yet. */
    lastRun: { startedAt: Date; finishedAt: Date | null; status: ImportRunStatus; seen: number; created: number; updated: number; failures: number } | null
    totalOrders: number
    /** The last failed run's error, as a code and HTTP status (import-error.ts). */
    lastError: ({ at: Date } & ImportError) | null
  }
}

type StoredRefusal = { status?: unknown; message?: unknown }

/** A run still RUNNING after this died with its worker (pg-boss expires an import job after 10 minutes). */
const RUNNING_STALE_MS = 15 * 60_000

export async function getConnectionStatus(opts: { merchantId: string; now?: Date }): Promise<ConnectionStatus> {
  const { merchantId } = opts
  const now = opts.now ?? new Date()
  const [merchant, running, lastRun, lastFailed, totalOrders] = await Promise.all([
    db.merchant.findUniqueOrThrow({
      where: { id: merchantId },
      select: { bmTokenEncrypted: true, bmTokenHint: true, bmMarkets: true, bmConnectedAt: true, bmTokenRefusedAt: true, bmTokenRefusal: true },
    }),
    db.importRun.findFirst({
      where: { merchantId, status: 'RUNNING', startedAt: { gte: new Date(now.getTime() - RUNNING_STALE_MS) } },
      orderBy: { startedAt: 'desc' },
      select: { startedAt: true },
    }),
    db.importRun.findFirst({ where: { merchantId, status: { not: 'RUNNING' } }, orderBy: { startedAt: 'desc' } }),
    db.importRun.findFirst({ where: { merchantId, status: 'FAILED' }, orderBy: { startedAt: 'desc' }, select: { startedAt: true, finishedAt: true, error: true } }),
    db.order.count({ where: { merchantId } }),
  ])
  const connected = merchant.bmTokenEncrypted !== null
  const stored = (merchant.bmTokenRefusal ?? {}) as StoredRefusal
  const refusal =
    connected && merchant.bmTokenRefusedAt
      ? { at: merchant.bmTokenRefusedAt, status: typeof stored.status === 'number' ? stored.status : null, message: typeof stored.message === 'string' ? stored.message : '' }
      : null
  return {
    state: !connected ? 'not_connected' : refusal ? 'token_refused' : 'connected',
    tokenEnding: connected ? merchant.bmTokenHint : null,
    markets: merchant.bmMarkets,
    connectedAt: connected ? merchant.bmConnectedAt : null,
    refusal,
    imports: {
      runningSince: running?.startedAt ?? null,
      lastRun: lastRun
        ? { startedAt: lastRun.startedAt, finishedAt: lastRun.finishedAt, status: lastRun.status, seen: lastRun.ordersSeen, created: lastRun.ordersCreated, updated: lastRun.ordersUpdated, failures: lastRun.failures }
        : null,
      totalOrders,
      lastError: lastFailed ? { at: lastFailed.finishedAt ?? lastFailed.startedAt, ...parseImportError(lastFailed.error) } : null,
    },
  }
}
