// The fault run's recovery: how long a SIGKILLed worker's tasks waited before another run took
// them. A trigger installed in the scenario's database logs every change of a task's attempt
// count or status with the database session's application_name, which names the worker process
// (workers.ts sets PGAPPNAME); the bench knows when it killed which worker. A task was the dead
// worker's when, at the kill, it was SENT under a claim that worker made; its wait ends at the
// next claim (the attempt count moving on), whoever made it. The lease sweep's hand-back (the
// lease cleared on a SENT task) is logged too, as status SWEPT, to split the wait in two.
import pg from 'pg'
import { percentile } from './analyse'

export type TaskEvent = { taskId: string; attempts: number; status: string; worker: string; atMs: number }
export type Kill = { worker: string; atMs: number }

export type RecoveryResult = {
  /** Tasks that were SENT under a killed worker's claim when it died. */
  deadTasks: number
  /** Seconds from each such kill to the task's next claim, sorted. */
  waits: number[]
  longest: number | null
  p50: number | null
  p90: number | null
  /** Waits per bucket of 5 s ("0–5 s": n …). */
  histogram: Record<string, number>
  /** Dead workers' tasks that no run claimed again by the end. */
  neverResumed: number
  /** The longest waits: task, worker, seconds. */
  worst: { taskId: string; worker: string; seconds: number }[]
  /** The wait in two: kill → the lease sweep handed the task back; hand-back → next claim (p50, max). */
  split: { toSweep: { p50: number; max: number } | null; sweepToClaim: { p50: number; max: number } | null }
}

export async function installTaskEventLog(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(`
      CREATE TABLE bench_task_event (task_id uuid, attempts int, status text, worker text, at timestamptz DEFAULT clock_timestamp());
      CREATE FUNCTION bench_log_task_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO bench_task_event (task_id, attempts, status, worker)
        VALUES (NEW.id, NEW.attempts, NEW.status::text, current_setting('application_name'));
        RETURN NULL;
      END $$;
      CREATE TRIGGER bench_task_event AFTER UPDATE ON "SyncTask" FOR EACH ROW
        WHEN (NEW.attempts IS DISTINCT FROM OLD.attempts OR NEW.status IS DISTINCT FROM OLD.status)
        EXECUTE FUNCTION bench_log_task_event();
      CREATE FUNCTION bench_log_task_swept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO bench_task_event (task_id, attempts, status, worker)
        VALUES (NEW.id, NEW.attempts, 'SWEPT', current_setting('application_name'));
        RETURN NULL;
      END $$;
      CREATE TRIGGER bench_task_swept AFTER UPDATE ON "SyncTask" FOR EACH ROW
        WHEN (NEW.status = 'SENT' AND OLD.status = 'SENT' AND NEW.attempts = OLD.attempts AND NEW."leaseUntil" = '1970-01-01 00:00:00'::timestamp AND OLD."leaseUntil" IS DISTINCT FROM NEW."leaseUntil")
        EXECUTE FUNCTION bench_log_task_swept();`)
  } finally {
    await client.end()
  }
}

export async function readTaskEvents(databaseUrl: string): Promise<TaskEvent[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<TaskEvent>(
      `SELECT task_id AS "taskId", attempts, status, worker, (extract(epoch FROM at) * 1000)::float8 AS "atMs" FROM bench_task_event ORDER BY at`,
    )
    return rows
  } finally {
    await client.end()
  }
}

export function recoveryWaits(events: TaskEvent[], kills: Kill[]): RecoveryResult {
  const byTask = new Map<string, TaskEvent[]>()
  const sweeps = new Map<string, TaskEvent[]>()
  for (const e of events) {
    const into = e.status === 'SWEPT' ? sweeps : byTask
    into.set(e.taskId, [...(into.get(e.taskId) ?? []), e])
  }
  const toSweep: number[] = []
  const sweepToClaim: number[] = []
  const waits: { taskId: string; worker: string; seconds: number }[] = []
  let deadTasks = 0
  let neverResumed = 0
  for (const kill of kills) {
    for (const [taskId, log] of byTask) {
      const before = log.filter((e) => e.atMs <= kill.atMs)
      const state = before.at(-1)
      if (!state || state.status !== 'SENT') continue
      const claim = before.find((e) => e.attempts === state.attempts)
      if (claim?.worker !== kill.worker) continue
      deadTasks++
      const next = log.find((e) => e.atMs > kill.atMs && e.attempts > state.attempts)
      if (next) waits.push({ taskId, worker: kill.worker, seconds: (next.atMs - kill.atMs) / 1000 })
      else neverResumed++
      const swept = sweeps.get(taskId)?.find((e) => e.atMs > kill.atMs && e.attempts === state.attempts)
      if (swept) toSweep.push((swept.atMs - kill.atMs) / 1000)
      if (swept && next) sweepToClaim.push((next.atMs - swept.atMs) / 1000)
    }
  }
  const sorted = waits.map((w) => w.seconds).sort((a, b) => a - b)
  const histogram: Record<string, number> = {}
  for (const s of sorted) {
    const from = Math.floor(s / 5) * 5
    const key = `${from}–${from + 5} s`
    histogram[key] = (histogram[key] ?? 0) + 1
  }
  return {
    deadTasks,
    waits: sorted,
    longest: sorted.at(-1) ?? null,
    p50: sorted.length ? percentile(sorted, 50) : null,
    p90: sorted.length ? percentile(sorted, 90) : null,
    histogram,
    neverResumed,
    worst: [...waits].sort((a, b) => b.seconds - a.seconds).slice(0, 3),
    split: { toSweep: summary(toSweep), sweepToClaim: summary(sweepToClaim) },
  }
}

function summary(xs: number[]): { p50: number; max: number } | null {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted.length ? { p50: percentile(sorted, 50), max: sorted.at(-1)! } : null
}
