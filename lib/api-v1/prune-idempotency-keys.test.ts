import { afterAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { getQueue, stopQueue } from '@/lib/sync/queue'
import { createTestMerchantKey } from '@/test/api-v1'
import { IDEMPOTENCY_TTL_MS } from './idempotency'
import { IDEMPOTENCY_PRUNE_CRON, IDEMPOTENCY_PRUNE_QUEUE, registerIdempotencyPrune } from './idempotency-prune-job'
import { pruneIdempotencyKeys } from './prune-idempotency-keys'

afterAll(() => stopQueue())

test('keys past their 24 hours are deleted in batches, whichever API key holds them; younger ones stay', async () => {
  const key = await createTestMerchantKey()
  const now = new Date()
  const at = (ageMs: number) => new Date(now.getTime() - ageMs)
  const row = (name: string, createdAt: Date) => ({ apiKeyId: key.id, key: name, requestHash: 'h', status: 201, response: {}, createdAt })
  await db.apiIdempotencyKey.createMany({
    data: [...Array.from({ length: 7 }, (_, i) => row(`old-${i}`, at(IDEMPOTENCY_TTL_MS + 60_000 * (i + 1)))), row('fresh', at(IDEMPOTENCY_TTL_MS - 60_000))],
  })
  // At least ours: a test file running beside this one may have expired rows of its own.
  expect(await pruneIdempotencyKeys({ now, batch: 3 })).toBeGreaterThanOrEqual(7)
  expect(await db.apiIdempotencyKey.findMany({ where: { apiKeyId: key.id }, select: { key: true } })).toEqual([{ key: 'fresh' }])
})

test('the prune is an hourly cron on a singleton queue; registering twice (a second worker) keeps one schedule', async () => {
  const boss = await getQueue()
  await registerIdempotencyPrune(boss)
  await registerIdempotencyPrune(boss)
  expect((await boss.getSchedules()).filter((s) => s.name === IDEMPOTENCY_PRUNE_QUEUE)).toMatchObject([{ cron: IDEMPOTENCY_PRUNE_CRON }])
  expect(await boss.getQueue(IDEMPOTENCY_PRUNE_QUEUE)).toMatchObject({ policy: 'singleton' })
})
