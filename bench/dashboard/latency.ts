// Latency, one request at a time: the app against the bare server and against the same SQL sent
// raw through pg (with and without the session lookup), per query kind.
import type pg from 'pg'
import { hashSessionToken } from '../../lib/auth/session-token'
import { replay, type CaptureOutput, type CapturedCase, type CaseKind, type TimedStatement } from './cases'
import { get, newAgent, summarize } from './load'
import { opts, say } from './options'
import { cpuBetween, type CpuProbe } from './phase-cpu'
import type { Results } from './report'
import { cookieOf } from './sessions'

/** Prisma's session statement(s) with this request's token hash in place of the captured one. */
function sessionStatementsFor(captured: CaptureOutput, token: string): TimedStatement[] {
  const statements = captured.session.statements.map((s) => ({ ...s, values: [...s.values] }))
  const hash = hashSessionToken(token)
  for (const [si, vi] of captured.session.hashAt) statements[si]!.values[vi] = hash
  return statements
}

type Target = 'app' | 'bare' | 'raw' | 'rawWithSession'

export async function measureLatency(captured: CaptureOutput, appPort: number, barePort: number, pool: pg.Pool, cpuProbe: () => CpuProbe): Promise<Results['latency']> {
  const appAgent = newAgent(1)
  const bareAgent = newAgent(1)
  const targets: Target[] = ['app', 'bare', 'raw', 'rawWithSession']
  const sessionStatements = new Map(captured.cases.map((c) => [c.key, sessionStatementsFor(captured, c.token)]))
  const once = async (target: Target, c: CapturedCase): Promise<number> => {
    if (target === 'app' || target === 'bare') {
      const r = await get(target === 'app' ? appAgent : bareAgent, target === 'app' ? appPort : barePort, c.path, cookieOf(c))
      if (r.status !== 200) throw new Error(`${target} ${c.path}: HTTP ${r.status}`)
      return r.ms
    }
    const t0 = performance.now()
    if (target === 'rawWithSession') await replay(pool, sessionStatements.get(c.key)!, 'array')
    // rowMode 'array' as adapter-pg asks for it
    await replay(pool, c.statements, 'array')
    return performance.now() - t0
  }
  // Warm-up (JIT, pools, caches; not counted): each target through the first cases of each kind.
  say('latency: warm-up…')
  const warm = (['exact', 'prefix', 'banner'] as const).flatMap((k) => captured.cases.filter((x) => x.kind === k).slice(0, 3))
  for (let i = 0; i < 2; i++) for (const c of warm) for (const target of targets) await once(target, c)
  const samples: Record<CaseKind, Record<Target, number[]>> = {
    exact: { app: [], bare: [], raw: [], rawWithSession: [] },
    prefix: { app: [], bare: [], raw: [], rawWithSession: [] },
    banner: { app: [], bare: [], raw: [], rawWithSession: [] },
  }
  const perKind = captured.cases.length / 3
  say(`latency: ${perKind} merchants × up to ${opts.reps} reps × ${targets.length} targets per query, one request at a time (no new pass after ${opts.latencyBudgetSeconds} s per query)…`)
  const before = cpuProbe()
  let turn = 0
  for (const kind of ['exact', 'prefix', 'banner'] as const) {
    const kindCases = captured.cases.filter((c) => c.kind === kind)
    const t0 = performance.now()
    for (let rep = 0; rep < opts.reps; rep++) {
      // Always at least one full pass over the merchants; then stop once over budget.
      if (rep > 0 && performance.now() - t0 > opts.latencyBudgetSeconds * 1000) break
      for (const c of kindCases) {
        // Rotate which target goes first: none always follows another's cache warm-up.
        for (let k = 0; k < targets.length; k++) {
          const target = targets[(turn + k) % targets.length]!
          samples[kind][target].push(await once(target, c))
        }
        turn++
      }
    }
  }
  const cpu = cpuBetween(before, cpuProbe())
  appAgent.destroy()
  bareAgent.destroy()
  const out = {} as Results['latency']['byKind']
  for (const kind of ['exact', 'prefix', 'banner'] as const) {
    out[kind] = Object.fromEntries(targets.map((tg) => [tg, summarize(samples[kind][tg])])) as Results['latency']['byKind']['exact']
    const s = out[kind]
    say(`  ${kind}: app p50 ${s.app.p50.toFixed(2)} / p95 ${s.app.p95.toFixed(2)} ms · bare ${s.bare.p95.toFixed(2)} · raw ${s.raw.p95.toFixed(2)} ms p95 → ${(s.app.p95 / s.raw.p95).toFixed(2)}×`)
  }
  return { byKind: out, cpu }
}
