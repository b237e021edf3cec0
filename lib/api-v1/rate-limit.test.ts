// The per-key limit against the real table: a key's requests past its kind's budget are 429 with
// the wait, other keys and the other kind count apart, and two limiters (two app instances) share it.
import { randomUUID } from 'node:crypto'
import { Pool } from 'pg'
import { afterAll, expect, test } from 'vitest'
import { createApiRateLimiter } from '@/lib/api-v1/rate-limit'
import { env } from '@/lib/env'
import { AppError } from '@/lib/errors'

const pool = new Pool({ connectionString: env().DATABASE_URL, max: 2 })
afterAll(() => pool.end())
const limits = { WAREHOUSE: 5, MERCHANT: 3 }

async function refusal(run: () => Promise<void>): Promise<AppError | null> {
  try {
    await run()
    return null
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
}

test('past its budget a key gets 429 with the seconds to wait; another key is untouched', async () => {
  const limiter = createApiRateLimiter({ pool, limits })
  const busy = { keyId: randomUUID(), kind: 'MERCHANT' as const }
  for (let i = 0; i < 3; i++) expect(await refusal(() => limiter.consume(busy))).toBeNull()
  const err = await refusal(() => limiter.consume(busy))
  expect(err).toMatchObject({ code: 'rate_limited', details: { limitPerMinute: 3 } })
  const wait = (err?.details as { retryAfterSeconds: number }).retryAfterSeconds
  expect(wait).toBeGreaterThanOrEqual(1)
  expect(wait).toBeLessThanOrEqual(60)
  expect(await refusal(() => limiter.consume({ keyId: randomUUID(), kind: 'MERCHANT' }))).toBeNull()
})

test('a warehouse key has its own, larger budget', async () => {
  const limiter = createApiRateLimiter({ pool, limits })
  const wms = { keyId: randomUUID(), kind: 'WAREHOUSE' as const }
  for (let i = 0; i < 5; i++) expect(await refusal(() => limiter.consume(wms))).toBeNull()
  expect(await refusal(() => limiter.consume(wms))).toMatchObject({ code: 'rate_limited', details: { limitPerMinute: 5 } })
})

test('two instances count one key together, even in parallel', async () => {
  const [a, b] = [createApiRateLimiter({ pool, limits }), createApiRateLimiter({ pool, limits })]
  const key = { keyId: randomUUID(), kind: 'MERCHANT' as const }
  const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => refusal(() => (i % 2 ? a : b).consume(key))))
  expect(outcomes.filter((o) => o === null)).toHaveLength(3)
  expect(outcomes.filter((o) => o?.code === 'rate_limited')).toHaveLength(5)
})
