// bench:events reads and checks the database under test with plain SQL (the orchestrator is not
// the app: lib/db binds one URL per process, and these are the benchmark's own questions).
import pg from 'pg'

export type ExactlyOnce = {
  /** Acknowledged events with no row: lost (must be 0). */
  lost: number
  /** Acknowledged events still PENDING after the drain (must be 0 once drained). */
  pending: number
  states: Record<string, number>
  adjustments: { applied: number; movements: number; doubled: number; missing: number; unexpected: number; quantityMismatches: number }
  orders: { byStatus: Record<string, number>; doubledAccept: number; doubledShip: number; failedTasks: Record<string, number> }
}

export class EventsDb {
  private readonly pool: pg.Pool
  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 2 })
    this.pool.on('error', () => {}) // the database dropped under an idle client at cleanup
  }

  async deleteEvents(prefix: string): Promise<number> {
    const r = await this.pool.query(`DELETE FROM "WarehouseEvent" WHERE "eventId" LIKE $1`, [`${prefix}-%`])
    return r.rowCount ?? 0
  }

  /** Events with this id prefix by state. */
  async states(prefix: string): Promise<Record<string, number>> {
    const { rows } = await this.pool.query<{ state: string; n: number }>(
      `SELECT state::text, count(*)::int AS n FROM "WarehouseEvent" WHERE "eventId" LIKE $1 GROUP BY 1`,
      [`${prefix}-%`],
    )
    return Object.fromEntries(rows.map((r) => [r.state, r.n]))
  }

  async pending(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "WarehouseEvent" WHERE state = 'PENDING'`)
    return rows[0]!.n
  }

  /** Acknowledged ids (by merchant) that have no row. */
  async lost(acked: Map<string, Set<string>>): Promise<number> {
    let lost = 0
    for (const [merchantId, ids] of acked) {
      const { rows } = await this.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "WarehouseEvent" WHERE "merchantId" = $1 AND "eventId" = ANY($2::text[])`,
        [merchantId, [...ids]],
      )
      lost += ids.size - rows[0]!.n
    }
    return lost
  }

  /**
   * Every stock.adjusted event the bench sent names itself in its reason ("bench <id>"): an applied
   * one must have left exactly one movement, and each product must hold its start plus the deltas
   * of exactly the applied ones.
   */
  async adjustments(merchantIds: string[], initialQuantity: number): Promise<ExactlyOnce['adjustments']> {
    const { rows } = await this.pool.query<ExactlyOnce['adjustments']>(
      `WITH adj AS (SELECT "eventId", state FROM "WarehouseEvent" WHERE type = 'stock.adjusted' AND "merchantId" = ANY($1::uuid[])),
            mv AS (SELECT reason, count(*) AS n FROM "StockMovement" WHERE "merchantId" = ANY($1::uuid[]) AND reason LIKE 'bench %' GROUP BY reason)
       SELECT count(*) FILTER (WHERE a.state = 'APPLIED')::int AS applied,
              coalesce(sum(mv.n), 0)::int AS movements,
              count(*) FILTER (WHERE mv.n > 1)::int AS doubled,
              count(*) FILTER (WHERE a.state = 'APPLIED' AND mv.n IS NULL)::int AS missing,
              count(*) FILTER (WHERE a.state <> 'APPLIED' AND mv.n IS NOT NULL)::int AS unexpected,
              0 AS "quantityMismatches"
       FROM adj a LEFT JOIN mv ON mv.reason = 'bench ' || a."eventId"`,
      [merchantIds],
    )
    const q = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT p.quantity, $2::int + coalesce(sum((e.payload->>'delta')::int) FILTER (WHERE e.state = 'APPLIED'), 0) AS expected
         FROM "Product" p
         LEFT JOIN "WarehouseEvent" e ON e."merchantId" = p."merchantId" AND e.type = 'stock.adjusted' AND e.subject = 'sku:' || p.sku
         WHERE p."merchantId" = ANY($1::uuid[]) AND p.sku LIKE 'ADJ-%'
         GROUP BY p.id, p.quantity) x
       WHERE quantity <> expected`,
      [merchantIds, initialQuantity],
    )
    return { ...rows[0]!, quantityMismatches: q.rows[0]!.n }
  }

  /** Orders by status, and orders that got a second ACCEPT or SHIP task (a transition applied twice). */
  async orders(merchantIds: string[]): Promise<ExactlyOnce['orders']> {
    const byStatus = await this.pool.query<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM "Order" WHERE "merchantId" = ANY($1::uuid[]) GROUP BY 1 ORDER BY 1`,
      [merchantIds],
    )
    const doubled = await this.pool.query<{ operation: string; n: number }>(
      `SELECT operation::text, count(*)::int AS n FROM (
         SELECT "orderId", operation FROM "SyncTask" WHERE "merchantId" = ANY($1::uuid[]) AND operation IN ('ACCEPT', 'SHIP')
         GROUP BY 1, 2 HAVING count(*) > 1) d GROUP BY 1`,
      [merchantIds],
    )
    const n = (op: string) => doubled.rows.find((r) => r.operation === op)?.n ?? 0
    // A transition Back Market refused for good: e.g. a SHIP that reached it before its ACCEPT.
    const failed = await this.pool.query<{ failure: string; n: number }>(
      `SELECT operation::text || ': ' || left(coalesce("failureMessage", '?'), 80) AS failure, count(*)::int AS n
       FROM "SyncTask" WHERE "merchantId" = ANY($1::uuid[]) AND status = 'FAILED' GROUP BY 1`,
      [merchantIds],
    )
    return {
      byStatus: Object.fromEntries(byStatus.rows.map((r) => [r.status, r.n])),
      doubledAccept: n('ACCEPT'),
      doubledShip: n('SHIP'),
      failedTasks: Object.fromEntries(failed.rows.map((r) => [r.failure, r.n])),
    }
  }

  async productLevels(merchantId: string): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ sku: string; quantity: number }>(`SELECT sku, quantity FROM "Product" WHERE "merchantId" = $1`, [merchantId])
    return new Map(rows.map((r) => [r.sku, r.quantity]))
  }

  /** STOCK tasks of the merchant not finished yet. */
  async openStockTasks(merchantId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "SyncTask" WHERE "merchantId" = $1 AND operation = 'STOCK' AND status IN ('QUEUED', 'SENT')`,
      [merchantId],
    )
    return rows[0]!.n
  }

  async stockTasks(merchantId: string): Promise<Record<string, number>> {
    const { rows } = await this.pool.query<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM "SyncTask" WHERE "merchantId" = $1 AND operation = 'STOCK' GROUP BY 1`,
      [merchantId],
    )
    return Object.fromEntries(rows.map((r) => [r.status, r.n]))
  }

  end(): Promise<void> {
    return this.pool.end()
  }
}
