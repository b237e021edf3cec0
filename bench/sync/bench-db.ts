// The benchmark reads our database with plain SQL (no Prisma client here: the orchestrator talks
// to one database per scenario, and lib/db binds one URL per process). Times are read as epoch ms
// in SQL: the columns are TIMESTAMP(3) in UTC without a zone.
import pg from 'pg'

export type StatusCounts = Record<string, number>

export type TaskRow = {
  id: string
  merchantId: string
  status: string
  failureKind: string | null
  failureMessage: string | null
  attempts: number
  reference: string
  sku: string
  finishedMs: number | null
}

export class BenchDb {
  private readonly pool: pg.Pool
  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 2 })
    // An idle connection dies when the database is dropped under it (Ctrl-C cleanup): not a crash.
    this.pool.on('error', () => {})
  }

  async statusCounts(): Promise<StatusCounts> {
    const { rows } = await this.pool.query<{ status: string; n: number }>(`SELECT status::text, count(*)::int AS n FROM "SyncTask" GROUP BY status`)
    return Object.fromEntries(rows.map((r) => [r.status, r.n]))
  }

  /** Every ACCEPT task with its order line (the seed makes one line per order). */
  async tasks(): Promise<TaskRow[]> {
    const { rows } = await this.pool.query<TaskRow>(`
      SELECT t.id, t."merchantId", t.status::text, t."failureKind", t."failureMessage", t.attempts,
             o.reference, l.sku, (extract(epoch FROM t."finishedAt") * 1000)::float8 AS "finishedMs"
      FROM "SyncTask" t JOIN "Order" o ON o.id = t."orderId" JOIN "OrderLine" l ON l."orderId" = o.id
      WHERE t.operation = 'ACCEPT'`)
    return rows
  }

  /** Attempt numbers of each task that ended in a recorded failure (the claim then retried or failed). */
  async failedClaims(): Promise<Map<string, Set<number>>> {
    const { rows } = await this.pool.query<{ taskId: string; attempt: number }>(`
      SELECT DISTINCT "taskId", attempt FROM "SyncAttempt"
      WHERE outcome IN ('TRANSIENT_FAILURE', 'PERMANENT_FAILURE') AND "taskId" IS NOT NULL`)
    const out = new Map<string, Set<number>>()
    for (const r of rows) out.set(r.taskId, (out.get(r.taskId) ?? new Set()).add(r.attempt))
    return out
  }

  /** pg-boss sync-task jobs by state (live table and archive), with how many were re-delivered. */
  async syncJobs(): Promise<{ state: string; jobs: number; redelivered: number }[]> {
    const { rows } = await this.pool.query<{ state: string; jobs: number; redelivered: number }>(`
      SELECT state::text, count(*)::int AS jobs, count(*) FILTER (WHERE retry_count > 0)::int AS redelivered
      FROM pgboss.job WHERE name = 'sync-task' GROUP BY state
      UNION ALL
      SELECT 'archived ' || state::text, count(*)::int, count(*) FILTER (WHERE retry_count > 0)::int
      FROM pgboss.archive WHERE name = 'sync-task' GROUP BY state
      ORDER BY 1`)
    return rows
  }

  /**
   * Runnable sync jobs whose task already has an 'active' job (one orphaned by a SIGKILL, until
   * pg-boss expires it). On a stately queue pg-boss cannot activate such a job: the unique index
   * refuses it, and pg-boss 10's fetch swallows that error and returns nothing — for the whole
   * batch. `head` counts them among the first `batch` jobs a fetch would take: then no fetch
   * succeeds at all and the queue is wedged.
   */
  async blockedJobs(batch: number): Promise<{ blocked: number; head: number }> {
    // A join, not EXISTS per row: pgboss.job has no index on singleton_key, and this runs every 5 s
    // on the database under test.
    const { rows } = await this.pool.query<{ blocked: number; head: number }>(`
      WITH runnable AS (
        SELECT singleton_key, row_number() OVER (ORDER BY priority DESC, created_on, id) AS pos
        FROM pgboss.job WHERE name = 'sync-task' AND state < 'active' AND start_after < now()
      ), active AS (
        SELECT DISTINCT singleton_key FROM pgboss.job WHERE name = 'sync-task' AND state = 'active'
      ), blocked AS (
        SELECT pos FROM runnable JOIN active USING (singleton_key)
      )
      SELECT count(*)::int AS blocked, count(*) FILTER (WHERE pos <= $1)::int AS head FROM blocked`, [batch])
    return rows[0]!
  }

  /**
   * Tasks delivered by more than one pg-boss job (the sweeper's re-sends, our retries' re-sends),
   * with a few timelines (ms since `originMs`) to see when the extra jobs were made.
   */
  async extraJobs(originMs: number): Promise<{ tasks: number; jobs: number; examples: unknown[] }> {
    const all = `SELECT singleton_key, state::text, created_on, started_on, completed_on, start_after FROM pgboss.job WHERE name = 'sync-task'
                 UNION ALL SELECT singleton_key, state::text, created_on, started_on, completed_on, start_after FROM pgboss.archive WHERE name = 'sync-task'`
    const { rows } = await this.pool.query<{ tasks: number; jobs: number }>(`
      SELECT count(*)::int AS tasks, coalesce(sum(n - 1), 0)::int AS jobs FROM (SELECT singleton_key, count(*) AS n FROM (${all}) j GROUP BY 1 HAVING count(*) > 1) d`)
    const ms = (col: string) => `round(extract(epoch FROM ${col}) * 1000 - $1)::int`
    const examples = await this.pool.query(`
      WITH j AS (${all}), d AS (SELECT singleton_key FROM j GROUP BY 1 HAVING count(*) > 1 LIMIT 3)
      SELECT j.singleton_key AS task, j.state, ${ms('j.created_on')} AS created, ${ms('j.start_after')} AS start_after,
             ${ms('j.started_on')} AS started, ${ms('j.completed_on')} AS completed,
             t.status::text AS task_status, t.attempts, ${ms('t."createdAt"')} AS task_created, ${ms('t."sentAt"')} AS task_sent, ${ms('t."finishedAt"')} AS task_finished
      FROM j JOIN d USING (singleton_key) JOIN "SyncTask" t ON t.id::text = j.singleton_key
      ORDER BY j.singleton_key, j.created_on`, [originMs])
    return { ...rows[0]!, examples: examples.rows }
  }

  end(): Promise<void> {
    return this.pool.end()
  }
}
