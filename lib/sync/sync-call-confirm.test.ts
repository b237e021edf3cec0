// A write's claim confirmation is part of the wait for its rate-limit slot, not a round trip
// between the slot and the send (which would push the send late, among the next ones).
import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { expect, onTestFinished, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestMerchant } from '@/test/factories'
import { createRateLimiter, gcraParams } from './rate-limiter'
import { syncCall, type SyncCallContext } from './sync-call'
import { createTestSyncTask } from './testing/sync-factories'

test('a confirmation that makes the write late gives its slot up: the write goes out on the next slot, confirmed again before it', async () => {
  const opts = { limit: 5, windowMs: 1_000, burst: 1, lateMs: 50 }
  const T = gcraParams(opts).emissionIntervalMs
  const key = `test:${randomUUID()}`
  onTestFinished(async () => void (await db.rateLimitBucket.deleteMany({ where: { key } })))
  const limiter = createRateLimiter({ key, ...opts })
  const merchant = await createTestMerchant()
  const { task } = await createTestSyncTask({ merchantId: merchant.id, status: 'SENT' })
  const admitted = await limiter.tryAcquire()
  if (!admitted.ok) throw new Error('an idle bucket refused a cell')

  let confirms = 0
  const ctx: SyncCallContext = {
    merchantId: merchant.id, taskId: task.id, operation: 'ACCEPT', reference: null, sku: null, attempt: 1, requests: limiter,
    // A round trip far slower than the limiter's lead and lateMs (a busy pool).
    confirmClaim: async () => {
      if (confirms++ === 0) await sleep(T)
    },
  }
  let sentAfterConfirm = false
  await syncCall(ctx, { method: 'POST', path: '/ws/x' }, async () => {
    sentAfterConfirm = confirms === 2
    return 'ok'
  })
  expect(sentAfterConfirm).toBe(true)
  expect(confirms).toBe(2)
  // The slot the confirmation overran was given up: the write took the one after it, confirmed again.
  const bucket = await db.rateLimitBucket.findUniqueOrThrow({ where: { key } })
  expect(bucket.tat.getTime() - admitted.at.getTime()).toBeGreaterThanOrEqual(3 * T)

  // A limiter that knows no such hook (tests' stand-ins): the claim is still confirmed before the write.
  await syncCall({ ...ctx, requests: { acquire: async () => undefined } }, { method: 'POST', path: '/ws/x' }, async () => 'ok')
  expect(confirms).toBe(3)
})
