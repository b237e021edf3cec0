import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { getQueue, stopQueue } from '@/lib/sync/queue'
import { changeBehindOurBack, jobsFor, setupOrder, tasksOf } from './flow-test-support'
import { validateOrder } from './validate-order'

// pg-boss creates its schema on first start; do it once here rather than inside a test's timeout.
beforeAll(async () => void (await getQueue()))
afterAll(() => stopQueue())

const currentAddress = (orderId: string) => db.orderAddress.findUniqueOrThrow({ where: { orderId_kind: { orderId, kind: 'CURRENT' } } })

test('a good address validates the order and queues exactly one ACCEPT, delivered after commit', async () => {
  const { merchant, order } = await setupOrder({ status: 'CREATED' })

  const result = await validateOrder({ merchantId: merchant.id, orderId: order.id })

  expect(result).toMatchObject({ outcome: 'validated', order: { status: 'VALIDATED', version: 2 }, issues: [] })
  const saved = await db.order.findUniqueOrThrow({ where: { id: order.id } })
  expect(saved).toMatchObject({ status: 'VALIDATED', version: 2, addressIssues: null })
  expect(saved.validatedAt).toBeInstanceOf(Date)
  expect(saved.addressCheckedAt).toBeInstanceOf(Date)
  const tasks = await tasksOf(order.id)
  expect(tasks).toMatchObject([{ operation: 'ACCEPT', status: 'QUEUED', origin: 'flow', merchantId: merchant.id }])
  expect(result.outcome === 'validated' && result.task?.id).toBe(tasks[0]!.id)
  expect(await jobsFor(tasks[0]!.id)).toBe(1)

  // A second click: refused, and still one task.
  await expect(validateOrder({ merchantId: merchant.id, orderId: order.id })).rejects.toMatchObject({
    code: 'conflict',
    message: 'order status cannot change from VALIDATED to VALIDATED',
  })
  expect(await tasksOf(order.id)).toHaveLength(1)
})

test('the silent fixes are saved to the current address, the original is untouched', async () => {
  const { merchant, order } = await setupOrder({
    status: 'CREATED',
    address: { phone: '06 12 34 56 78' },
    currentAddress: { country: 'fr', street: '  12  rue de la Paix ' },
  })

  const result = await validateOrder({ merchantId: merchant.id, reference: order.reference, origin: 'simulator' })

  expect(result.outcome).toBe('validated')
  expect(result.fixes.map((f) => f.kind)).toEqual(expect.arrayContaining(['phone-e164', 'country-case', 'whitespace']))
  expect(await currentAddress(order.id)).toMatchObject({ phone: '+33612345678', country: 'FR', street: '12 rue de la Paix' })
  const original = await db.orderAddress.findUniqueOrThrow({ where: { orderId_kind: { orderId: order.id, kind: 'ORIGINAL' } } })
  expect(original).toMatchObject({ phone: '06 12 34 56 78', country: 'FR', street: '12 rue de la Paix' })
  expect(await tasksOf(order.id)).toMatchObject([{ operation: 'ACCEPT', origin: 'simulator' }])
})

test('an address with errors keeps the order CREATED, stores the issues, and queues nothing', async () => {
  const { merchant, order } = await setupOrder({ status: 'CREATED', currentAddress: { street: null, lastName: null } })

  const result = await validateOrder({ merchantId: merchant.id, orderId: order.id })

  expect(result.outcome).toBe('address_errors')
  if (result.outcome !== 'address_errors') return
  expect(result.order).toMatchObject({ status: 'CREATED', version: 2 })
  expect(Object.keys(result.fields).sort()).toEqual(['lastName', 'street'])
  const saved = await db.order.findUniqueOrThrow({ where: { id: order.id } })
  expect(saved).toMatchObject({ status: 'CREATED', validatedAt: null })
  expect(saved.addressCheckedAt).toBeInstanceOf(Date)
  const codes = (saved.addressIssues as { code: string; severity: string }[]).filter((i) => i.severity === 'error').map((i) => i.code)
  expect(codes).toEqual(['NAME_MISSING', 'STREET_MISSING'])
  expect(await tasksOf(order.id)).toEqual([])
})

test('an order already accepted on Back Market is validated without an ACCEPT', async () => {
  const { merchant, order } = await setupOrder({ status: 'CREATED', lines: [{ bmState: 2 }, { bmState: 4 }] })

  const result = await validateOrder({ merchantId: merchant.id, orderId: order.id })

  expect(result).toMatchObject({ outcome: 'validated', task: null, order: { status: 'VALIDATED' } })
  expect(await tasksOf(order.id)).toEqual([])
})

test('an order Back Market has not released (payment check) cannot be validated', async () => {
  const { merchant, order } = await setupOrder({ status: 'CREATED', lines: [{ bmState: 8 }] })

  await expect(validateOrder({ merchantId: merchant.id, orderId: order.id })).rejects.toMatchObject({ code: 'conflict' })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'CREATED', version: 1 })
})

test('an order past CREATED is refused with a 409 naming both states', async () => {
  const { merchant, order } = await setupOrder({ status: 'PICKING' })

  await expect(validateOrder({ merchantId: merchant.id, orderId: order.id })).rejects.toMatchObject({
    code: 'conflict',
    status: 409,
    message: 'order status cannot change from PICKING to VALIDATED',
  })
  expect(await tasksOf(order.id)).toEqual([])
})

test('a change since the caller read the order makes validation fail, and rolls back the address fix', async () => {
  const { merchant, order } = await setupOrder({ status: 'CREATED', currentAddress: { phone: '06 12 34 56 78' } })
  await changeBehindOurBack(order.id)

  await expect(validateOrder({ merchantId: merchant.id, orderId: order.id, expectedVersion: order.version })).rejects.toMatchObject({
    code: 'conflict',
  })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'CREATED', version: 2, addressCheckedAt: null })
  expect((await currentAddress(order.id)).phone).toBe('06 12 34 56 78')
  expect(await tasksOf(order.id)).toEqual([])
})

test('two validations at once: one wins, the other gets a conflict, one task', async () => {
  const { merchant, order } = await setupOrder({ status: 'CREATED' })

  const results = await Promise.allSettled([
    validateOrder({ merchantId: merchant.id, orderId: order.id }),
    validateOrder({ merchantId: merchant.id, orderId: order.id }),
  ])

  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
  expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toMatchObject([{ code: 'conflict' }])
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'VALIDATED', version: 2 })
  expect(await tasksOf(order.id)).toHaveLength(1)
})

test("another merchant's order is not found, by id or by reference", async () => {
  const { other, order } = await setupOrder({ status: 'CREATED' })

  await expect(validateOrder({ merchantId: other.id, orderId: order.id })).rejects.toMatchObject({ code: 'not_found' })
  await expect(validateOrder({ merchantId: other.id, reference: order.reference })).rejects.toMatchObject({ code: 'not_found' })
  await expect(validateOrder({ merchantId: other.id, orderId: 'not-a-uuid' })).rejects.toMatchObject({ code: 'not_found' })
  expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'CREATED', version: 1 })
})
