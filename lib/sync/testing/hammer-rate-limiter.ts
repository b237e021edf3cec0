// Test helper run as a child process, so that its acquirers go through their own pg pool, as
// another worker machine's would. It starts once (a process takes seconds to boot) and serves
// runs: for each JSON line on stdin, `concurrency` loops call acquire() on one key for
// `durationMs`, then it prints one JSON line with each admission's database time (epoch ms).
import { createInterface } from 'node:readline'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import { AppError } from '@/lib/errors'
import { createRateLimiter, type RateLimiterOptions } from '@/lib/sync/rate-limiter'

export type HammerRun = RateLimiterOptions & { concurrency: number; durationMs: number }

async function hammer(run: HammerRun): Promise<number[]> {
  const limiter = createRateLimiter(run)
  const deadline = performance.now() + run.durationMs
  const admissions: number[] = []
  await Promise.all(
    Array.from({ length: run.concurrency }, async () => {
      for (;;) {
        const maxWaitMs = deadline - performance.now()
        if (maxWaitMs <= 0) return
        try {
          admissions.push((await limiter.acquire(1, { maxWaitMs })).getTime())
        } catch (err) {
          // The next slot is past the deadline: this loop is done.
          if (err instanceof AppError && err.code === 'rate_limited') return
          throw err
        }
      }
    }),
  )
  return admissions
}

async function main() {
  // Open the pool's connections now, so that a run measures the limiter, not connecting.
  const poolSize = env().DB_POOL_MAX
  await Promise.all(Array.from({ length: poolSize }, () => db.$executeRaw`SELECT pg_sleep(0.05)`))
  process.stdout.write('ready\n')
  for await (const line of createInterface({ input: process.stdin })) {
    const admissions = await hammer(JSON.parse(line) as HammerRun)
    process.stdout.write(`${JSON.stringify({ admissions })}\n`)
  }
  await db.$disconnect()
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exit(1)
  },
)
