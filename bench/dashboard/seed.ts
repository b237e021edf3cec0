// Seeds the dashboard benchmark's data set with set-based SQL (INSERT … SELECT generate_series),
// never row by row: 1,000 merchants with a user each, 1,000 orders per merchant (lines and both
// addresses), and 200 sync attempts per merchant with their tasks and issues.
//
//   npm run bench:seed                    full size into a throwaway database, then drops it
//   npm run bench:seed -- --quick         20 merchants × 1,000 orders
//   npm run bench:seed -- --keep          keeps the database (and its server) until Ctrl-C
//   options: --merchants M --orders N --attempts A (per merchant)
//   DATABASE_URL=… uses that server (a fresh database on it) instead of an embedded PostgreSQL.
//
// Speed: the loaded tables' primary keys, indexes and foreign keys are dropped first and rebuilt
// afterwards from their own definitions as read from the catalog (checked identical after), so
// the final schema is exactly the committed migrations'; rows are generated deterministically
// (hashes of merchant and order numbers, no random()), so two runs hold the same data.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { hash } from '@node-rs/argon2'
import pg from 'pg'
import { cleanup, installCleanupHandlers, onCleanup } from '../lib/cleanup'
import { ROOT } from '../lib/procs'
import { createThrowawayDatabase, migrate } from './db'
import { addressesSql, linesSql, merchantsSql, ordersSql } from './seed-orders-sql'
import { FULL_SIZES, QUICK_SIZES, utcLiteral, type SeedSizes } from './seed-model'
import { LOADED_TABLES, parallel, readSchemaObjects } from './seed-schema'
import { auditSql, importRunsSql } from './seed-history-sql'
import { syncInsertSql, syncStagingSql } from './seed-sync-sql'

/** Every seeded user signs in with this password (the benchmark itself uses sessions it creates). */
export const BENCH_PASSWORD = 'bench-password-1'

export type SeedReport = {
  sizes: SeedSizes
  ms: Record<string, number>
  totalMs: number
  rows: Record<string, number>
  sync: Record<string, number>
  databaseBytes: number
  tableBytes: Record<string, number>
}

export async function seedDashboard(url: string, sizes: SeedSizes, log: (msg: string) => void = () => {}): Promise<SeedReport> {
  if (sizes.merchants > 100_000) throw new Error('at most 100,000 merchants (task keys are m·100000 + t)')
  const started = performance.now()
  const ms: Record<string, number> = {}
  const step = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now()
    const out = await fn()
    ms[label] = Math.round(performance.now() - t)
    log(`  ${label}: ${(ms[label]! / 1000).toFixed(1)} s`)
    return out
  }
  // Two connections: the machine has two cores, and PostgreSQL runs one INSERT … SELECT per core.
  const width = 2
  const pool = new pg.Pool({
    connectionString: url,
    max: width,
    // Session settings only (fine on a shared server): big sorts for the index builds.
    options: '-c synchronous_commit=off -c maintenance_work_mem=512MB -c work_mem=64MB',
  })
  pool.on('error', () => {}) // an idle client dropped by the server is not a failure of the seed
  try {
    const now = utcLiteral(new Date())
    const passwordHash = await hash(BENCH_PASSWORD, { algorithm: 2 /* argon2id */ })

    const schema = await step('drop keys and indexes', async () => {
      const c = await pool.connect()
      try {
        const objects = await readSchemaObjects(c)
        const empty = await c.query(`SELECT (SELECT count(*) FROM "Merchant") + (SELECT count(*) FROM "Order") AS n`)
        if (Number(empty.rows[0].n) > 0) throw new Error('the database is not empty: the seed only fills a fresh one')
        await c.query('BEGIN')
        for (const sql of objects.drops) await c.query(sql)
        await c.query('COMMIT')
        return objects
      } finally {
        c.release()
      }
    })

    // Orders, lines and addresses in chunks of merchants, so two connections share the work evenly.
    const chunk = Math.max(1, Math.ceil(sizes.merchants / 8))
    const ranges: [number, number][] = []
    for (let m = 0; m < sizes.merchants; m += chunk) ranges.push([m, Math.min(sizes.merchants, m + chunk)])
    await step('merchants, users, orders, lines, addresses, audit, imports', () =>
      parallel(
        pool,
        [
          merchantsSql(sizes, passwordHash),
          ...ranges.map(([a, b]) => [ordersSql(sizes, now, a, b)]),
          ...ranges.map(([a, b]) => [linesSql(sizes, now, a, b)]),
          ...ranges.map(([a, b]) => [addressesSql(sizes, now, a, b)]),
          ...ranges.map(([a, b]) => [auditSql(sizes, now, a, b)]),
          [importRunsSql(sizes, now)],
        ],
        width,
      ),
    )
    await step('sync tasks, attempts, issues', () => parallel(pool, [[...syncStagingSql(sizes, now), ...syncInsertSql(now)]], 1))

    await step('primary keys', () => parallel(pool, schema.pks.map((s) => [s]), width))
    // Largest tables first so the two connections finish together.
    const order = ['"OrderAddress"', '"OrderLine"', '"Order"', '"AuditEvent"', '"SyncAttempt"']
    const weight = (sql: string) => {
      const i = order.findIndex((t) => sql.includes(`ON public.${t} `))
      return i === -1 ? order.length : i
    }
    await step('indexes', () => parallel(pool, [...schema.indexes].sort((a, b) => weight(a) - weight(b)).map((s) => [s]), width))
    // Validating a foreign key takes a lock that serialises those on one table: one connection.
    await step('foreign keys', () => parallel(pool, [schema.fks], 1))
    await step('check schema', async () => {
      const c = await pool.connect()
      try {
        const after = await readSchemaObjects(c)
        const a = JSON.stringify(after.signature)
        if (a !== JSON.stringify(schema.signature)) throw new Error(`schema after the load differs from the migrations':\n${a}\nvs\n${JSON.stringify(schema.signature)}`)
      } finally {
        c.release()
      }
    })
    // As autovacuum would have long done in production: statistics for the planner, and the
    // visibility map that lets counts run as index-only scans.
    await step('vacuum analyze', () => parallel(pool, LOADED_TABLES.map((t) => [`VACUUM (ANALYZE) "${t}"`]), width))

    const totalMs = Math.round(performance.now() - started)
    const c = await pool.connect()
    try {
      const rows: Record<string, number> = {}
      for (const t of LOADED_TABLES) rows[t] = Number((await c.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n)
      const sync = (
        await c.query(`
        SELECT (SELECT count(*) FROM "SyncAttempt" WHERE outcome IN ('TRANSIENT_FAILURE', 'PERMANENT_FAILURE'))::int AS "failedAttempts",
               (SELECT count(*) FROM "SyncAttempt" WHERE outcome IN ('TRANSIENT_FAILURE', 'PERMANENT_FAILURE')
                   AND "createdAt" >= (now() AT TIME ZONE 'UTC') - interval '7 days')::int AS "failedAttemptsLast7Days",
               (SELECT count(*) FROM "SyncIssue" WHERE status IN ('OPEN', 'RETRYING'))::int AS "activeIssues",
               (SELECT count(DISTINCT "merchantId") FROM "SyncIssue" WHERE status IN ('OPEN', 'RETRYING'))::int AS "merchantsWithActiveIssues",
               (SELECT count(*) FROM "OrderAddress" WHERE kind = 'CURRENT')::int AS "ordersWithAddresses"`)
      ).rows[0] as Record<string, number>
      const databaseBytes = Number((await c.query(`SELECT pg_database_size(current_database()) AS b`)).rows[0].b)
      const tableBytes: Record<string, number> = {}
      for (const t of LOADED_TABLES) tableBytes[t] = Number((await c.query(`SELECT pg_total_relation_size('"${t}"') AS b`)).rows[0].b)
      return { sizes, ms, totalMs, rows, sync, databaseBytes, tableBytes }
    } finally {
      c.release()
    }
  } finally {
    await pool.end()
  }
}

export function formatBytes(b: number): string {
  return b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(2)} GB` : `${(b / 1024 ** 2).toFixed(0)} MB`
}

export function seedSummary(r: SeedReport): string {
  const n = (x: number) => x.toLocaleString('en-US')
  return [
    `seeded in ${(r.totalMs / 1000).toFixed(1)} s: ${Object.entries(r.ms).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(' · ')}`,
    `rows: ${Object.entries(r.rows).map(([k, v]) => `${k} ${n(v)}`).join(' · ')}`,
    `sync: ${Object.entries(r.sync).map(([k, v]) => `${k} ${n(v)}`).join(' · ')}`,
    `database size ${formatBytes(r.databaseBytes)} (${Object.entries(r.tableBytes).map(([k, v]) => `${k} ${formatBytes(v)}`).join(' · ')})`,
  ].join('\n')
}

// ---- `npm run bench:seed` --------------------------------------------------------------------

async function main() {
  const { values: args } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      merchants: { type: 'string' },
      orders: { type: 'string' },
      attempts: { type: 'string' },
    },
  })
  const base = args.quick ? QUICK_SIZES : FULL_SIZES
  const sizes: SeedSizes = {
    merchants: args.merchants ? Number(args.merchants) : base.merchants,
    ordersPerMerchant: args.orders ? Number(args.orders) : base.ordersPerMerchant,
    attemptsPerMerchant: args.attempts ? Number(args.attempts) : base.attemptsPerMerchant,
  }
  installCleanupHandlers()
  try {
    const say = (m: string) => console.log(`[seed] ${m}`)
    const db = await createThrowawayDatabase({ name: `bm_bench_seed_${process.pid}`, log: say })
    onCleanup('drop database', () => db.destroy())
    const t = performance.now()
    const n = await migrate(db.url, path.join(ROOT, 'prisma/migrations'))
    say(`${n} migrations applied (${Math.round(performance.now() - t)} ms)`)
    say(`seeding ${sizes.merchants} merchants × ${sizes.ordersPerMerchant} orders, ${sizes.attemptsPerMerchant} sync attempts each…`)
    const report = await seedDashboard(db.url, sizes, say)
    console.log(seedSummary(report))
    if (args.keep) {
      say(`kept: ${db.url}  (password: postgres; users bench-m<N>@bench.example / ${BENCH_PASSWORD}). Ctrl-C drops it.`)
      await new Promise(() => {}) // until a signal; the handlers clean up
    }
  } finally {
    await cleanup()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch(async (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err)
    await cleanup()
    process.exit(1)
  })
}
