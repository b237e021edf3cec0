// One first import of bench:import, in a process of its own so its memory figures are its own:
// a merchant holding the sandbox seller's token, then the real importer (importMerchantOrders,
// through the real client and rate limiter) from an empty database, RSS sampled every 20 ms.
// Prints one JSON line.
import { randomUUID } from 'node:crypto'
import { resourceUsage } from 'node:process'
import { encryptToken } from '@/lib/crypto/token-cipher'
import { db } from '@/lib/db'
import { importMerchantOrders } from '@/lib/sync/import-orders'

const { token } = JSON.parse(process.env.BENCH_IMPORT ?? '{}') as { token: string }
const merchantId = randomUUID()
await db.merchant.create({ data: { id: merchantId, name: 'Bench importer', bmTokenEncrypted: encryptToken(token, { merchantId }), bmMarket: 'fr-fr' } })

// The baseline is the process ready to import (connected, modules loaded), before any order.
await db.$queryRaw`SELECT 1`
const rssBefore = process.memoryUsage().rss
let peak = rssBefore
let heapPeak = process.memoryUsage().heapUsed
const sampler = setInterval(() => {
  const m = process.memoryUsage()
  peak = Math.max(peak, m.rss)
  heapPeak = Math.max(heapPeak, m.heapUsed)
}, 20)

const started = performance.now()
const summary = await importMerchantOrders({ merchantId })
const seconds = (performance.now() - started) / 1000
clearInterval(sampler)
peak = Math.max(peak, process.memoryUsage().rss)
const stored = await db.order.count({ where: { merchantId } })
await db.$disconnect()

const mb = (n: number) => Math.round((n / 2 ** 20) * 10) / 10
process.stdout.write(
  `${JSON.stringify({ ...summary, stored, seconds: Math.round(seconds * 10) / 10, rssBeforeMb: mb(rssBefore), peakRssMb: mb(peak), growthMb: mb(peak - rssBefore), heapPeakMb: mb(heapPeak), maxRssMb: mb(resourceUsage().maxRSS * 1024) })}\n`,
)
process.exit(0)
