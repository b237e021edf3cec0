// The last-admin guard against a concurrent change: a removal takes the merchant's lock BEFORE it
// reads the user, so it sees what a concurrent promotion/demotion committed. Without that order it
// read the user as an operator (no guard), then removed the only admin the other change had left.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createSignedInMerchant, createTestUser } from '@/test/factories'
import { deactivateUser } from './deactivate-user'

/** Waits until some other backend is blocked on a lock (the removal queued behind our transaction). */
async function untilSomeoneWaitsOnALock() {
  for (;;) {
    const [row] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`
    if (row!.n > 0n) return
    await new Promise((r) => setTimeout(r, 20))
  }
}

test('an operator promoted to sole admin while being removed: the removal sees the promotion and is refused (409)', async () => {
  const { merchant, user: admin } = await createSignedInMerchant()
  const operator = await createTestUser({ merchantId: merchant.id, role: 'OPERATOR' })
  const actor = { kind: 'USER' as const, id: admin.id, name: 'Admin' }
  let release!: () => void
  const gate = new Promise<void>((r) => (release = r))
  // Another admin operation holds the merchant's lock: the operator becomes the admin, the admin a viewer.
  const swap = db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Merchant" WHERE id = ${merchant.id}::uuid FOR UPDATE`
    await tx.user.update({ where: { id: operator.user.id }, data: { role: 'ADMIN' } })
    await tx.user.update({ where: { id: admin.id }, data: { role: 'VIEWER' } })
    await gate
  })
  const removal = deactivateUser({ merchantId: merchant.id, userId: operator.user.id, actor }).catch((e: unknown) => e)
  await untilSomeoneWaitsOnALock()
  release()
  await swap
  expect(await removal).toMatchObject({ code: 'conflict', details: { reason: 'last_admin' } })
  expect(await db.user.count({ where: { merchantId: merchant.id, role: 'ADMIN', deactivatedAt: null } })).toBe(1)
})
