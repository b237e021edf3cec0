// bench:events' summary: one table per run with the goal beside each figure, and the list of the
// checks that failed (the exit code is 1 if any did).
import type { CrashResult, StockResult, ThroughputResult } from './phases'

/** crash and stock are missing from a `--only throughput` run. */
export type BenchResults = { throughput: ThroughputResult; crash?: CrashResult; stock?: StockResult; opts: { clients: number; batch: number; appProcesses: number } }

const n = (x: number) => Math.round(x).toLocaleString('en')
const s = (x: number) => `${x.toFixed(1)} s`

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n')
}

export function renderReport(r: BenchResults): string {
  const { throughput: tp, crash, stock } = r
  return [
    ...throughputReport(r, tp),
    ...(crash ? ['', ...crashReport(crash)] : []),
    ...(stock ? ['', ...stockReport(stock)] : []),
  ].join('\n')
}

function throughputReport(r: BenchResults, tp: ThroughputResult): string[] {
  return [
    `Throughput (${r.opts.clients} clients, batches of ${r.opts.batch}; ${n(tp.mix.orders)} order flows, ${n(tp.mix.parkedOrders)} never imported, ${n(tp.mix.adjustments)} movements, ${n(tp.mix.levels)} counts):`,
    table([
      ['server', 'events', 'seconds', 'events/s', 'batch p50', 'batch p99', 'CPU per batch', 'answers'],
      ...(
        [
          ['bare node:http + pg', tp.bare, tp.cpuMsPerBatch.bare],
          [`app (npm start, ${r.opts.appProcesses} process${r.opts.appProcesses > 1 ? 'es' : ''})`, tp.app, tp.cpuMsPerBatch.app],
        ] as const
      ).map(([name, l, cpu]) => [
        name,
        n(l.events),
        s(l.seconds),
        n(l.eventsPerSecond),
        `${n(l.batchP50Ms)} ms`,
        `${n(l.batchP99Ms)} ms`,
        `${cpu.toFixed(1)} ms`,
        JSON.stringify(l.statuses),
      ]),
    ]),
    `Ratio app / bare: ${tp.ratio.toFixed(2)} (goal ≥ 0.5: ${tp.ratio >= 0.5 ? 'met' : 'not met'})`,
  ]
}

function crashReport(crash: CrashResult): string[] {
  const c = crash.check
  return [
    `Crash run: next start SIGKILLed after ${crash.appKilledAtBatch} batches (back in ${s(crash.appDownSeconds)}), worker ${crash.workerKilled ?? '—'} SIGKILLed; ${fmtLoad(crash)}`,
    `Drain (one worker): ${n(crash.drain.events)} events in ${s(crash.drain.seconds)} = ${n(crash.drain.eventsPerSecond)} events/s${crash.drain.finished ? '' : ' (NOT finished)'}`,
    table([
      ['check', 'value', 'goal'],
      ['acknowledged events with no row (lost)', n(c.lost), '0'],
      ['still PENDING after the drain', n(c.pending), '0'],
      ['event states', JSON.stringify(c.states), 'APPLIED / PARKED / REFUSED'],
      ['applied movements / movements written', `${n(c.adjustments.applied)} / ${n(c.adjustments.movements)}`, 'equal'],
      ['movements doubled / missing / of unapplied events', `${c.adjustments.doubled} / ${c.adjustments.missing} / ${c.adjustments.unexpected}`, '0 / 0 / 0'],
      ['products off start + applied deltas', n(c.adjustments.quantityMismatches), '0'],
      ['orders with a 2nd ACCEPT / SHIP task', `${c.orders.doubledAccept} / ${c.orders.doubledShip}`, '0 / 0'],
      ['orders by status', JSON.stringify(c.orders.byStatus), ''],
      ['ACCEPT / SHIP tasks failed for good', JSON.stringify(c.orders.failedTasks), '{}'],
    ]),
  ]
}

function stockReport(stock: StockResult): string[] {
  return [
    `Stock run: ${fmtLoad(stock)}; ${stock.finished ? 'every SKU at its latest level' : 'NOT finished'} ${s(stock.seconds)} after the first event`,
    table([
      ['check', 'value', 'goal'],
      [`most SKU lines in any ${n(stock.windowMs / 1000)} s (the shortened hour)`, n(stock.maxLinesInWindow), '≤ 2,000'],
      ['listing updates accepted / refused 429', `${n(stock.listingUpdates)} / ${n(stock.updates429)}`, `≥ ${n(stock.skus)} / 0`],
      ['SKUs off their latest level: database / Back Market', `${stock.dbMismatches} / ${stock.backMarketMismatches}`, '0 / 0'],
      ['STOCK tasks by status', JSON.stringify(stock.tasks), ''],
    ]),
  ]
}

function fmtLoad(run: { load: { events: number; seconds: number; eventsPerSecond: number; statuses: Record<string, number> } }): string {
  const l = run.load
  return `${n(l.events)} events sent in ${s(l.seconds)} (${n(l.eventsPerSecond)}/s), answers ${JSON.stringify(l.statuses)}`
}

export function failures(r: BenchResults): string[] {
  const out: string[] = []
  if (r.crash) out.push(...crashFailures(r.crash))
  if (r.stock) out.push(...stockFailures(r.stock))
  return out
}

function crashFailures(crash: CrashResult): string[] {
  const c = crash.check
  const out: string[] = []
  if (c.lost) out.push(`${c.lost} acknowledged events were lost`)
  if (!crash.drain.finished || c.pending) out.push(`${c.pending} events still pending after the drain timeout`)
  if (c.adjustments.doubled || c.adjustments.missing || c.adjustments.unexpected) out.push(`stock movements: ${JSON.stringify(c.adjustments)}`)
  if (c.adjustments.quantityMismatches) out.push(`${c.adjustments.quantityMismatches} products do not hold their start plus the applied deltas`)
  if (c.orders.doubledAccept || c.orders.doubledShip) out.push(`orders with a second task: ACCEPT ${c.orders.doubledAccept}, SHIP ${c.orders.doubledShip}`)
  const failedTasks = Object.values(c.orders.failedTasks).reduce((a, b) => a + b, 0)
  if (failedTasks) out.push(`${failedTasks} ACCEPT/SHIP tasks failed for good: ${JSON.stringify(c.orders.failedTasks)}`)
  return out
}

function stockFailures(stock: StockResult): string[] {
  const out: string[] = []
  if (stock.maxLinesInWindow > 2_000) out.push(`Back Market got ${stock.maxLinesInWindow} SKU lines in one window`)
  if (!stock.finished || stock.dbMismatches) out.push(`stock: ${stock.backMarketMismatches} SKUs off on Back Market, ${stock.dbMismatches} in the database`)
  return out
}
