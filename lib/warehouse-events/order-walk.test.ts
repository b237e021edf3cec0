import { expect, test } from 'vitest'
import { planWalk } from './order-walk'

test('the next step is one step', () => {
  expect(planWalk('CREATED', 'order.validated')).toEqual({ kind: 'steps', steps: ['VALIDATED'] })
  expect(planWalk('IN_TRANSIT', 'order.delivered')).toEqual({ kind: 'steps', steps: ['DELIVERED'] })
})

test('shipped before validated walks validate, picking and packing first, in that order', () => {
  expect(planWalk('CREATED', 'order.shipped')).toEqual({ kind: 'steps', steps: ['VALIDATED', 'PICKING', 'PACKED', 'IN_TRANSIT'] })
  expect(planWalk('VALIDATED', 'order.packed')).toEqual({ kind: 'steps', steps: ['PICKING', 'PACKED'] })
})

test('an event the order has passed is stale', () => {
  expect(planWalk('IN_TRANSIT', 'order.picking_started')).toEqual({ kind: 'stale' })
  expect(planWalk('VALIDATED', 'order.validated')).toEqual({ kind: 'stale' })
})

test('a cancelled order and a delivery that was never shipped are refused with the rule named', () => {
  expect(planWalk('CANCELLED', 'order.packed')).toMatchObject({ kind: 'refused', rule: 'order_cancelled' })
  expect(planWalk('PACKED', 'order.delivered')).toMatchObject({ kind: 'refused', rule: 'not_shipped' })
  expect(planWalk('CREATED', 'order.delivered')).toMatchObject({ kind: 'refused', rule: 'not_shipped' })
})
