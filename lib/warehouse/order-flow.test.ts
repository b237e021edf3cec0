import { expect, test } from 'vitest'
import { AppError } from '@/lib/errors'
import { OrderStatus } from '@/lib/generated/prisma/enums'
import { assertTransition, canTransition } from './order-flow'

// Written out independently of the table under test: the flow the business agreed on.
const ALLOWED = new Set([
  'CREATED→VALIDATED',
  'CREATED→CANCELLED',
  'VALIDATED→PICKING',
  'VALIDATED→CANCELLED',
  'PICKING→PACKED',
  'PICKING→CANCELLED',
  'PACKED→IN_TRANSIT',
  'IN_TRANSIT→DELIVERED',
])
const STATUSES = Object.values(OrderStatus)
const PAIRS = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const))

test('every pair of statuses is covered', () => {
  expect(PAIRS).toHaveLength(49)
})

test.each(PAIRS)('%s → %s', (from, to) => {
  const allowed = ALLOWED.has(`${from}→${to}`)
  expect(canTransition(from, to)).toBe(allowed)
  if (allowed) {
    expect(() => assertTransition(from, to)).not.toThrow()
    return
  }
  let error: unknown
  try {
    assertTransition(from, to)
  } catch (err) {
    error = err
  }
  expect(error).toBeInstanceOf(AppError)
  expect(error).toMatchObject({ code: 'conflict', status: 409, details: { from, to } })
  expect((error as AppError).message).toBe(`order status cannot change from ${from} to ${to}`)
})
