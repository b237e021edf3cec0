// bench:import's results table: time against Back Market's floor, and memory against size.
export type ImportResult = {
  size: number
  seen: number
  created: number
  updated: number
  failures: number
  stored: number
  seconds: number
  rssBeforeMb: number
  peakRssMb: number
  growthMb: number
  heapPeakMb: number
  maxRssMb: number
  /** GET /ws/orders answered 200 for this seller. */
  pages: number
  throttled: number
  /** The fewest pages the import can read (both sources at Back Market's page size). */
  floorPages: number
  /** floorPages at 200 requests per 10 s. */
  floorSeconds: number
  load: number[]
}

export function renderImportReport(rows: ImportResult[], ctx: { machine: string; loadAtStart: number[]; loadAtEnd: number[]; pageSize: number }): string {
  const n = (x: number) => x.toLocaleString('en-US')
  const out = [
    `| Orders | pages read (floor) | 429 | time | floor (pages ÷ 20/s) | time ÷ floor | orders/s | RSS before | peak RSS | growth | heap peak |`,
    `|---|---|---|---|---|---|---|---|---|---|---|`,
  ]
  for (const r of rows) {
    out.push(
      `| ${n(r.size)} | ${n(r.pages)} (${n(r.floorPages)}) | ${r.throttled} | ${r.seconds} s | ${r.floorSeconds} s | **${(r.seconds / r.floorSeconds).toFixed(2)}×** | ${n(Math.round(r.size / r.seconds))} | ${r.rssBeforeMb} MB | ${r.peakRssMb} MB | +${r.growthMb} MB | ${r.heapPeakMb} MB |`,
    )
  }
  if (rows.length >= 2) {
    const [a, b] = [rows[0]!, rows.at(-1)!]
    out.push('', `Peak growth at ${n(b.size)} orders vs ${n(a.size)}: +${b.growthMb} MB vs +${a.growthMb} MB (${(b.size / a.size).toFixed(0)}× the orders).`)
  }
  out.push('', `Machine: ${ctx.machine}; load ${ctx.loadAtStart.join(' / ')} at start, ${ctx.loadAtEnd.join(' / ')} at end. Page size ${ctx.pageSize}; orders spread over 29 days, 2% awaiting acceptance (read twice: both sources).`)
  return out.join('\n')
}
