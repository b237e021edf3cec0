// The Back Market sandbox as its own process for the benchmark, in memory only.
// sandbox/backmarket/main.ts always persists to a state file, and the sandbox rewrites that whole
// JSON file (tens of MB with 10,000 orders) every 100 ms under steady writes: on 2 shared cores that
// would be the sandbox benchmarking its own persistence. Back Market's limits stay the real ones.
import { startSandbox } from '@/sandbox/backmarket/server'

const port = Number(process.env.SANDBOX_PORT ?? 0)
// bench:events shortens our SKU-line window and raises this backstop to match; it checks the
// shortened window itself from the request log.
const skuLinesPerHour = process.env.SANDBOX_SKU_LINES_PER_HOUR ? Number(process.env.SANDBOX_SKU_LINES_PER_HOUR) : undefined
const sandbox = await startSandbox({ port, host: '127.0.0.1', ...(skuLinesPerHour ? { limits: { skuLinesPerHour } } : {}) })
process.stdout.write(`listening ${sandbox.url}\n`)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await sandbox.close().catch(() => {})
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
