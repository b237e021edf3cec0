// The lease on a sync task's claim. A run that claims a task holds it until `leaseUntil`; the
// worker renews the leases of all its running claims every few seconds (one statement), so a
// lease only passes when its worker is gone (SIGKILL, a lost machine) or stalled for seconds.
// Then sweep-expired-leases.ts hands the task to another run, which reads Back Market back before
// writing. A run whose claim was taken over must not write: before each write it confirms its
// claim (confirmClaim), which also renews the lease for the duration of the call.
import 'server-only'
import { prepared, runPrepared } from '@/lib/db/prepared'

/**
 * How long a claim stays ours without renewal. A dead worker's tasks run again at most this long
 * after its last renewal plus one sweep and a free slot: the 15 s recovery goal is LEASE_MS +
 * LEASE_SWEEP_MS + a fetch (the fault run at 10 s measured p50 13.8 s, p90 18.8 s on a machine at
 * load 12 where replacement workers took seconds to boot). It leaves a live worker LEASE_MS −
 * HEARTBEAT_MS (6 s) of slack for a renewal late behind a busy event loop before another run may
 * take its tasks — and taking them is safe, only wasteful: the fence stops the slow run.
 */
export const LEASE_MS = 8_000
/** How often a worker renews its running claims' leases. */
export const HEARTBEAT_MS = 2_000

/** Thrown before a write by a run whose claim another run took over: it must not write. */
export class ClaimLostError extends Error {
  constructor(readonly taskId: string, readonly attempt: number) {
    super(`Sync task ${taskId}: the claim of attempt ${attempt} was taken over by another run`)
    this.name = 'ClaimLostError'
  }
}

/**
 * Leases are timed on the database's clock, never a worker's: workers on hosts whose clocks
 * disagree by more than a lease's slack would otherwise sweep each other's healthy claims. Every
 * statement that sets or compares a lease uses this expression (the columns hold UTC wall time).
 */
export const DB_NOW = `(now() AT TIME ZONE 'UTC')`

/**
 * leaseUntil of a claim the lease sweep (or a stopping worker) handed back: takeable at once, and
 * not swept again. Distinct from NULL, which is a claim made by a worker of a version before
 * leases (a rolling deploy runs both): that one may be alive, so it is taken only once it is older
 * than pg-boss's expiry of its job (LEGACY_CLAIM_S). The epoch rather than '-infinity', which the
 * driver cannot turn into a Date.
 */
export const HANDED_BACK = new Date(0)
export const HANDED_BACK_SQL = `'1970-01-01 00:00:00'::timestamp`
/** A claim without a lease (an older worker's) is dead once older than this: pg-boss expires sync jobs after 60 s. */
export const LEGACY_CLAIM_S = 120

/** SQL: the SENT task `t` has no live claim (its lease passed, was handed back, or is a legacy claim long gone). */
export const CLAIM_TAKEABLE_SQL = (t: string) =>
  `(${t}."leaseUntil" < ${DB_NOW} OR (${t}."leaseUntil" IS NULL AND (${t}."sentAt" IS NULL OR ${t}."sentAt" < ${DB_NOW} - make_interval(secs => ${LEGACY_CLAIM_S}))))`

/** The claims this process runs, task id → the attempt number its claim took. */
const held = new Map<string, number>()

export function holdClaim(taskId: string, attempt: number): void {
  held.set(taskId, attempt)
}

export function releaseClaim(taskId: string, attempt: number): void {
  if (held.get(taskId) === attempt) held.delete(taskId)
}

// Fenced by the attempt count: a run whose claim another run took (attempts moved on) renews
// nothing, and its task's new lease stays the new run's. SKIP LOCKED: a row locked by its own
// run's transaction (recording an outcome) must not hold up the renewal of every other claim;
// the sweep skips locked rows too, so that one is not taken meanwhile.
const renewLeases = prepared(
  'sync_task_renew_leases',
  `UPDATE "SyncTask" t SET "leaseUntil" = ${DB_NOW} + make_interval(secs => $3)
     FROM (SELECT s.id FROM "SyncTask" s
             JOIN unnest($1::uuid[], $2::int[]) AS c(id, attempts) ON s.id = c.id AND s.attempts = c.attempts
            WHERE s.status = 'SENT' FOR UPDATE OF s SKIP LOCKED) AS mine
    WHERE t.id = mine.id
   RETURNING t.id`,
)

/** Renews the lease of every claim this process runs; returns the ids whose claim is lost. */
export async function renewHeldLeases(): Promise<string[]> {
  if (held.size === 0) return []
  const claims = [...held]
  const rows = await runPrepared<{ id: string }>(renewLeases, [claims.map(([id]) => id), claims.map(([, attempt]) => attempt), LEASE_MS / 1000])
  const renewed = new Set(rows.map((r) => r.id))
  return claims.filter(([id]) => !renewed.has(id)).map(([id]) => id)
}

const confirm = prepared(
  'sync_task_confirm_claim',
  `UPDATE "SyncTask" SET "leaseUntil" = ${DB_NOW} + make_interval(secs => $3) WHERE id = $1::uuid AND attempts = $2 AND status = 'SENT' RETURNING id`,
)

/**
 * Before a write to Back Market: the claim is still this run's (no other run claimed the task
 * since), and its lease is renewed, so no other run may take the task while the call is out.
 */
export async function confirmClaim(taskId: string, attempt: number): Promise<void> {
  const rows = await runPrepared<{ id: string }>(confirm, [taskId, attempt, LEASE_MS / 1000])
  if (rows.length === 0) throw new ClaimLostError(taskId, attempt)
}

const handBack = prepared(
  'sync_task_hand_back_claim',
  `UPDATE "SyncTask" SET "leaseUntil" = ${HANDED_BACK_SQL} WHERE id = $1::uuid AND attempts = $2 AND status = 'SENT' RETURNING id`,
)

/**
 * A stopping worker gives a claim back before its run writes: another worker may take it at once
 * (it reads Back Market back first) instead of waiting for the lease to pass. Whether it was still ours.
 */
export async function handBackClaim(taskId: string, attempt: number): Promise<boolean> {
  const rows = await runPrepared<{ id: string }>(handBack, [taskId, attempt])
  return rows.length === 1
}

/**
 * Renews this process's leases every HEARTBEAT_MS until the returned function is called. A renewal
 * still running when the next is due is not doubled: the next one waits its turn.
 */
export function keepLeasesRenewed(onLost: (taskIds: string[]) => void, onError: (err: unknown) => void): () => void {
  let busy = false
  const timer = setInterval(() => {
    if (busy) return
    busy = true
    renewHeldLeases()
      .then((lost) => lost.length > 0 && onLost(lost))
      .catch(onError)
      .finally(() => {
        busy = false
      })
  }, HEARTBEAT_MS)
  return () => clearInterval(timer)
}
