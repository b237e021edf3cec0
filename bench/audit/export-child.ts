// One export of bench:audit, in a process of its own so its memory figures are its own: the CSV
// stream the route answers with (lib/audit/export-audit-csv.ts auditCsvStream), read to the end
// into a sink that only counts, while RSS is sampled every 10 ms. Prints one JSON line.
import { resourceUsage } from 'node:process'
import { auditCsvStream } from '@/lib/audit/export-audit-csv'
import { db } from '@/lib/db'

const { merchantId, timeZone } = JSON.parse(process.env.BENCH_AUDIT ?? '{}') as { merchantId: string; timeZone: string }

// Connect and load everything first: the baseline is the process ready to export, before any row.
await db.$queryRaw`SELECT 1`
const rssBefore = process.memoryUsage().rss
let peak = rssBefore
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss)
}, 10)

const started = performance.now()
const reader = auditCsvStream({ merchantId, filter: {}, timeZone }).getReader()
let bytes = 0
let lines = 0
let lastWasCr = false
for (;;) {
  const { done, value } = await reader.read()
  if (done) break
  bytes += value.byteLength
  for (let i = 0; i < value.length; i++) {
    const b = value[i]!
    if (b === 10 && lastWasCr) lines++
    lastWasCr = b === 13
  }
}
const seconds = (performance.now() - started) / 1000
clearInterval(sampler)
peak = Math.max(peak, process.memoryUsage().rss)
await db.$disconnect()

const mb = (n: number) => Math.round((n / 2 ** 20) * 10) / 10
const rows = lines - 1 // the header
process.stdout.write(
  `${JSON.stringify({ rows, bytes, seconds: Math.round(seconds * 100) / 100, rowsPerSecond: Math.round(rows / seconds), rssBeforeMb: mb(rssBefore), peakRssMb: mb(peak), growthMb: mb(peak - rssBefore), maxRssMb: mb(resourceUsage().maxRSS * 1024) })}\n`,
)
