import { expect, test } from 'vitest'
import { orderStatusAfterLineCancel, planLineCancel } from './line-cancel-rules'

test('before acceptance a cancellation (4), accepted a refund before shipping (5), shipped a refund after (6)', () => {
  expect(planLineCancel({ lineState: 1, orderStatus: 'CREATED', hasReturnReason: false })).toEqual({ action: 'send', newState: 4 })
  expect(planLineCancel({ lineState: 2, orderStatus: 'PICKING', hasReturnReason: false })).toEqual({ action: 'send', newState: 5 })
  expect(planLineCancel({ lineState: 3, orderStatus: 'IN_TRANSIT', hasReturnReason: true })).toEqual({ action: 'send', newState: 6 })
})

test('a parcel that left makes it a refund after shipping even while our copy of the line still says accepted', () => {
  expect(planLineCancel({ lineState: 2, orderStatus: 'IN_TRANSIT', hasReturnReason: true })).toEqual({ action: 'send', newState: 6 })
  expect(planLineCancel({ lineState: 2, orderStatus: 'DELIVERED', hasReturnReason: false })).toEqual({ action: 'refuse', rule: 'return_reason_required' })
})

test('a refund after shipping without a return reason is refused, naming the rule', () => {
  expect(planLineCancel({ lineState: 3, orderStatus: 'DELIVERED', hasReturnReason: false })).toEqual({ action: 'refuse', rule: 'return_reason_required' })
})

test('lines Back Market ended need nothing; lines it has not released cannot be cancelled', () => {
  for (const lineState of [4, 5, 6, 7]) expect(planLineCancel({ lineState, orderStatus: 'VALIDATED', hasReturnReason: false })).toEqual({ action: 'already_ended' })
  for (const lineState of [0, 8, 9]) expect(planLineCancel({ lineState, orderStatus: 'CREATED', hasReturnReason: true })).toEqual({ action: 'refuse', rule: 'line_not_released' })
})

test('the order is cancelled when no line is left, if our flow allows it; a parcel keeps its status', () => {
  expect(orderStatusAfterLineCancel('VALIDATED', 0)).toBe('CANCELLED')
  expect(orderStatusAfterLineCancel('PICKING', 1)).toBe('PICKING')
  for (const status of ['PACKED', 'IN_TRANSIT', 'DELIVERED'] as const) expect(orderStatusAfterLineCancel(status, 0)).toBe(status)
})
