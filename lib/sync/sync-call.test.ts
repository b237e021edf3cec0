// A failed call whose recording fails too (here: the attempt row refused by the database) still
// ends with Back Market's answer, and a 429 still slows every worker of the merchant down.
import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { BackMarketError } from '@/lib/backmarket/errors'
import { syncCall, type SyncCallContext } from './sync-call'

test("a 429 whose attempt cannot be recorded: the penalty is set and the run fails with Back Market's error", async () => {
  const penalties: number[] = []
  // No such merchant: the attempt's insert fails on its foreign key, as a timeout or deadlock would fail it.
  const ctx: SyncCallContext = {
    merchantId: randomUUID(), taskId: randomUUID(), operation: 'ACCEPT', reference: 'R-1', sku: null, attempt: 1,
    requests: { acquire: async () => undefined, penalize: async (ms) => void penalties.push(ms) },
  }
  const limited = new BackMarketError('rate_limited', 'too many requests', { status: 429, retryAfterMs: 20_000 })
  const thrown = await syncCall(ctx, { method: 'POST', path: '/ws/orders/1' }, () => Promise.reject(limited)).catch((err: unknown) => err)
  expect(thrown).toBe(limited)
  expect(penalties).toEqual([20_000])
})
