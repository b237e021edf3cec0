// The hot reads besides the three measured for latency (order search, banner, session): what the
// order page, the Errors tab, the staff overview and the Audit page's first page send, captured
// by capture.ts's recording pool through the app's own lib code, so that plans.ts can EXPLAIN
// every statement a person waits for and flag a sequential scan of a big table. Each read is also
// timed as the app runs it (warm, in-process: SQL + mapping, no HTTP), which is what grows with
// the data when a plan stays an index scan but reads more rows (the staff overview).
import type { CapturedCase, HotRead, TimedStatement } from './cases'

export type Recorder = (fn: () => Promise<unknown>, warm: boolean) => Promise<{ statements: TimedStatement[]; result: unknown }>

const TIMED_RUNS = 5

export async function captureHotReads(cases: CapturedCase[], record: Recorder): Promise<HotRead[]> {
  const { getOrderByReferenceOrThrow } = await import('@/lib/orders/get-order-by-reference')
  const { getOrderTimeline } = await import('@/lib/orders/order-timeline')
  const { listAddressErrors } = await import('@/lib/orders/list-address-errors')
  const { listMerchantsOverview } = await import('@/lib/staff/merchants-overview')
  const { dailyOutcomes } = await import('@/lib/sync/daily-outcomes')
  const { listAuditEvents } = await import('@/lib/audit/list-audit-events')
  const { listAuditActors } = await import('@/lib/audit/list-audit-actors')
  const { AuditFilterSchema } = await import('@/lib/audit/audit-filters')

  const exact = cases.find((c) => c.kind === 'exact' && c.q)
  if (!exact?.q) throw new Error('capture-hot: no exact-reference case to open an order page with')
  const merchantId = exact.merchantId
  const reference = exact.q
  const timeZone = 'Europe/Paris'
  // The pages' own calls, as their page.tsx makes them (the first page, default filters).
  const reads: { label: string; fn: () => Promise<unknown>; summary: (r: unknown) => string }[] = [
    {
      label: 'order page',
      fn: () => Promise.all([getOrderByReferenceOrThrow({ merchantId, reference }), getOrderTimeline({ merchantId, reference })]),
      summary: (r) => `timeline ${(r as [unknown, unknown[]])[1].length} entries`,
    },
    {
      label: 'errors tab',
      fn: () => listAddressErrors({ merchantId, sort: 'urgency', page: 1 }),
      summary: (r) => `${(r as { total: number }).total} blocked orders`,
    },
    {
      label: 'staff overview',
      fn: async () => {
        const overview = await listMerchantsOverview({ page: 1 })
        await dailyOutcomes({ merchantIds: overview.rows.map((r) => r.id), timeZone })
        return overview
      },
      summary: (r) => `${(r as { total: number }).total} merchants`,
    },
    {
      label: 'audit first page',
      fn: () => Promise.all([listAuditActors({ merchantId }), listAuditEvents({ merchantId, filter: AuditFilterSchema.parse({}), timeZone })]),
      summary: (r) => `${(r as [unknown[], { events: unknown[] }])[1].events.length} events`,
    },
  ]
  const out: HotRead[] = []
  for (const read of reads) {
    const { statements, result } = await record(read.fn, true)
    const ms: number[] = []
    for (let i = 0; i < TIMED_RUNS; i++) {
      const t0 = performance.now()
      await read.fn()
      ms.push(performance.now() - t0)
    }
    ms.sort((a, b) => a - b)
    out.push({ label: read.label, statements, summary: read.summary(result), ms: { median: ms[Math.floor(ms.length / 2)]!, max: ms.at(-1)!, runs: ms.length } })
  }
  return out
}
