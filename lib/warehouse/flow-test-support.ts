// Shared set-up for the warehouse operation tests (test-only: imports vitest through the factories).
import { db } from '@/lib/db'
import type { OrderStatus } from '@/lib/generated/prisma/client'
import { createTestMerchant, createTestOrder } from '@/test/factories'

/** A merchant with one order in `status`, plus a second merchant to check scoping against. */
export async function setupOrder(opts: Omit<Parameters<typeof createTestOrder>[0], 'merchantId'> & { status: OrderStatus }) {
  const merchant = await createTestMerchant()
  const other = await createTestMerchant()
  const order = await createTestOrder({ merchantId: merchant.id, ...opts })
  return { merchant, other, order }
}

/** Another writer changing the order between our read and our write (an address edit, a tab). */
export async function changeBehindOurBack(orderId: string) {
  await db.order.update({ where: { id: orderId }, data: { version: { increment: 1 } } })
}

export async function tasksOf(orderId: string) {
  return db.syncTask.findMany({ where: { orderId }, orderBy: { createdAt: 'asc' } })
}

/** How many pg-boss jobs deliver this task: proof it was dispatched, not only written. */
export async function jobsFor(taskId: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'sync-task' AND data->>'taskId' = ${taskId}`
  return rows[0]?.n ?? 0
}
