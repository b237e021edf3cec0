// Captures the SQL that Prisma sends for the benchmarked calls, so that the "raw SQL" baseline and
// the bare server run exactly the same statements, not a hand-written lookalike. Runs the app's
// own lib code (listOrders, getConnectionHealth, getSessionFromToken) from the build snapshot,
// with a Prisma client whose pg Pool records every query it is given: text, parameters as
// adapter-pg passes them to pg, and when each started and ended. Statements that overlapped in
// time were in flight together (Promise.all in listOrders) and are replayed together.
//
// Run by main.ts in the snapshot directory:
//   node --conditions=react-server --import tsx bench/dashboard/capture.ts <cases.json> <out.json>
import { readFileSync, writeFileSync } from 'node:fs'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import type { CaptureInput, CaptureOutput, CapturedCase, Statement, TimedStatement } from './cases'
import { captureHotReads } from './capture-hot'

type Logged = Statement & { t0: number; t1: number }

const [inFile, outFile] = process.argv.slice(2)
if (!inFile || !outFile) throw new Error('usage: capture.ts <cases.json> <out.json>')
const input = JSON.parse(readFileSync(inFile, 'utf8')) as CaptureInput

let log: Logged[] | null = null
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 })
const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>
// adapter-pg calls pool.query({ text, values, rowMode, types }) for every statement outside a
// transaction; that is the one form recorded.
;(pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
  const config = args[0] as { text?: string; values?: unknown[]; name?: string } | undefined
  if (!log || typeof config !== 'object' || !config?.text) return query(...args)
  const entry: Logged = { text: config.text, values: (config.values ?? []).map(jsonSafe), ...(config.name ? { name: config.name } : {}), t0: performance.now(), t1: Number.NaN }
  log.push(entry)
  const p = query(...args)
  p.then(
    () => (entry.t1 = performance.now()),
    () => (entry.t1 = performance.now()),
  )
  return p
}

function jsonSafe(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString()
  if (v instanceof Uint8Array) throw new Error('binary parameters are not expected in the benchmarked queries')
  return v
}

// lib/db.ts uses the client and the pool it finds on globalThis (kept there for Next's dev
// reloads): ours, so the named statements of lib/db/prepared.ts are recorded too.
const appGlobals = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool }
appGlobals.prisma = new PrismaClient({ adapter: new PrismaPg(pool) })
appGlobals.pgPool = pool

const { listOrders } = await import('@/lib/orders/list-orders')
const { getConnectionHealth } = await import('@/lib/sync/connection-health')
const { getSessionFromToken } = await import('@/lib/auth/get-session-from-token')
const { hashSessionToken } = await import('@/lib/auth/session-token')
const { DEFAULT_PAGE_SIZE } = await import('@/lib/orders/list-orders-query')

/** Groups statements into waves: each wave's statements overlapped; waves ran one after another. */
function toWaves(logged: Logged[]): Statement[][] {
  const sorted = [...logged].sort((a, b) => a.t0 - b.t0)
  const waves: Statement[][] = []
  let waveEnd = -Infinity
  for (const s of sorted) {
    const stmt = { text: s.text, values: s.values, ...(s.name ? { name: s.name } : {}) }
    if (waves.length && s.t0 < waveEnd) waves.at(-1)!.push(stmt)
    else waves.push([stmt])
    waveEnd = Math.max(waveEnd, s.t1)
  }
  return waves
}

/** Statements in start order, each with the indexes of those that had finished before it started. */
function toTimed(logged: Logged[]): TimedStatement[] {
  const sorted = [...logged].sort((a, b) => a.t0 - b.t0)
  return sorted.map((s) => ({ text: s.text, values: s.values, ...(s.name ? { name: s.name } : {}), after: sorted.flatMap((o, j) => (o.t1 <= s.t0 ? [j] : [])) }))
}

async function record(fn: () => Promise<unknown>, warm: boolean): Promise<{ statements: TimedStatement[]; waves: Statement[][]; result: unknown }> {
  // The first call of a query shape compiles its plan in Prisma (cached afterwards, per shape);
  // one warm call per kind is enough, and each call can be slow with a slow query.
  if (warm) await fn()
  log = []
  const result = await fn()
  const logged = log
  log = null
  return { statements: toTimed(logged), waves: toWaves(logged), result }
}

const cases: CapturedCase[] = []
const warmed = new Set<string>()
for (const c of input.cases) {
  const { statements, waves, result } = await record(
    () =>
      c.kind === 'banner'
        ? getConnectionHealth({ merchantId: c.merchantId })
        : listOrders({ merchantId: c.merchantId, q: c.q, page: 1, pageSize: DEFAULT_PAGE_SIZE }),
    !warmed.has(c.kind),
  )
  warmed.add(c.kind)
  const summary =
    c.kind === 'banner'
      ? { errors: (result as { errors: unknown[] }).errors.length, state: (result as { state: string }).state }
      : { orders: (result as { orders: unknown[] }).orders.length, total: (result as { total: number }).total }
  cases.push({ ...c, statements, waves, summary })
}

// The session lookup every request makes first, with where the token's hash sits in it.
const session = await record(() => getSessionFromToken(input.sessionToken), true)
const hash = hashSessionToken(input.sessionToken)
const out: CaptureOutput = {
  cases,
  session: {
    statements: session.statements,
    waves: session.waves,
    hashAt: session.statements.flatMap((s, si) => s.values.flatMap((v, vi) => (v === hash ? [[si, vi] as [number, number]] : []))),
  },
}
out.hot = await captureHotReads(cases, record)
writeFileSync(outFile, JSON.stringify(out))
await pool.end()
process.exit(0)
