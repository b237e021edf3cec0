// `npm run bench:audit` — the audit's CSV export at a million rows:
//   1. a throwaway PostgreSQL with the committed migrations;
//   2. two merchants' audits written by generate_series: 100,000 rows and 1,000,000 rows (every
//      action of the catalogue, each kind of actor, before/after JSON, one cell in eight starting
//      with "=" so the formula guard works too);
//   3. each exported in a child process through the route's own stream (auditCsvStream) into a
//      counting sink: rows, bytes, seconds, rows/s, RSS before, peak RSS (sampled) and maxRSS.
// Memory must not grow with rows: the 1M export's peak should match the 100k one's.
//
//   npm run bench:audit                 full run (≈ 2 min on 2 cores)
//   npm run bench:audit -- --rows N     the big audit's size (default 1,000,000)
//   npm run bench:audit -- --help       this text
//   DATABASE_URL=… puts the throwaway database on that server instead of an embedded PostgreSQL.
import { randomBytes, randomUUID } from 'node:crypto'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { mkdtempSync, rmSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { AUDIT_ACTIONS } from '@/lib/audit/actions'
import { installCleanupHandlers, onCleanup, runMain } from '../lib/cleanup'
import { runTsForJson, stackEnv } from '../lib/procs'
import { printUsageAndExit } from '../lib/usage'
import { startDatabaseServer } from '../sync/stack'

const { values: args } = parseArgs({ options: { help: { type: 'boolean', default: false }, rows: { type: 'string' } } })
if (args.help) printUsageAndExit(import.meta.filename)
const BIG = args.rows ? Number.parseInt(args.rows, 10) : 1_000_000
const SMALL = Math.min(100_000, BIG)
const CHUNK = 100_000
const started = Date.now()
const logDir = mkdtempSync(path.join(tmpdir(), 'bm-bench-audit-'))

function say(msg: string): void {
  console.log(`\x1b[36m[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]\x1b[0m ${msg}`)
}

installCleanupHandlers({ graceMs: 5_000 })
onCleanup('remove the logs', () => rmSync(logDir, { recursive: true, force: true }))

/** `count` audit rows for the merchant, one second apart going back from now, in chunks. */
async function seed(client: pg.Client, merchantId: string, count: number): Promise<void> {
  for (let from = 0; from < count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK)
    await client.query(
      `INSERT INTO "AuditEvent" (at, "merchantId", "actorKind", "actorId", "actorName", "ipAddress", "userAgent", action, "orderReference", "subjectType", "subjectId", before, after)
       SELECT now() - g * interval '1 second', $1::uuid,
              (ARRAY['USER','STAFF','API_KEY','WORKER'])[1 + g % 4]::"AuditActorKind",
              'actor-' || (g % 25), 'Anna Martin ' || (g % 25) || ' <anna' || (g % 25) || '@refurb-republic.example>',
              '203.0.113.' || (g % 250), 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0',
              ($3::text[])[1 + g % array_length($3::text[], 1)],
              CASE WHEN g % 3 = 0 THEN NULL ELSE (4000000 + g % 50000)::text END,
              'order', gen_random_uuid()::text,
              jsonb_build_object('street', g || ' rue de la Paix', 'city', 'Paris', 'postalCode', '75002', 'phone', '+33612345678'),
              jsonb_build_object('street', g || ' avenue du Général Leclerc, "bât. B"', 'city', CASE WHEN g % 8 = 0 THEN '=HYPERLINK("x")' ELSE 'Colombes' END, 'postalCode', '92700', 'phone', '+33623456789')
       FROM generate_series($2::int + 1, $4::int) g`,
      [merchantId, from, [...AUDIT_ACTIONS], to],
    )
  }
}

type ExportResult = { rows: number; bytes: number; seconds: number; rowsPerSecond: number; rssBeforeMb: number; peakRssMb: number; growthMb: number; maxRssMb: number }

async function main(): Promise<number> {
  say(`machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  const dbServer = await startDatabaseServer()
  onCleanup('drop the databases', () => dbServer.stop())
  const databaseUrl = await dbServer.fresh(`bm_bench_audit_${randomBytes(3).toString('hex')}`)
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const small = randomUUID()
  const big = randomUUID()
  let t = Date.now()
  await seed(client, small, SMALL)
  await seed(client, big, BIG)
  await client.query('ANALYZE "AuditEvent"')
  const { rows: size } = await client.query<{ size: string }>(`SELECT pg_size_pretty(pg_total_relation_size('"AuditEvent"')) AS size`)
  await client.end()
  say(`seeded ${SMALL.toLocaleString('en')} + ${BIG.toLocaleString('en')} audit rows in ${((Date.now() - t) / 1000).toFixed(1)} s (table and indexes: ${size[0]!.size})`)

  const env = stackEnv({ databaseUrl, backMarketUrl: 'http://127.0.0.1:9' })
  const results: Array<{ label: string } & ExportResult> = []
  for (const [label, merchantId, expected] of [['100k', small, SMALL], ['1M', big, BIG]] as const) {
    t = Date.now()
    const r = await runTsForJson<ExportResult>(`export-${label}`, 'bench/audit/export-child.ts', { ...env, BENCH_AUDIT: JSON.stringify({ merchantId, timeZone: 'Europe/Paris' }) }, logDir)
    if (r.rows !== expected) throw new Error(`export ${label}: ${r.rows} rows, expected ${expected}`)
    results.push({ label, ...r })
    say(`export ${label}: ${r.rows.toLocaleString('en')} rows, ${(r.bytes / 2 ** 20).toFixed(1)} MB in ${r.seconds} s (${r.rowsPerSecond.toLocaleString('en')} rows/s); RSS ${r.rssBeforeMb} MB before, peak ${r.peakRssMb} MB (+${r.growthMb} MB), maxRSS ${r.maxRssMb} MB`)
  }
  const [a, b] = [results[0]!, results[1]!]
  say(`peak growth at ${BIG.toLocaleString('en')} rows vs ${SMALL.toLocaleString('en')}: +${b.growthMb} MB vs +${a.growthMb} MB (bounded: the stream holds one batch of 2,000 rows)`)
  console.log(JSON.stringify({ results }))
  return 0
}

runMain(main)
