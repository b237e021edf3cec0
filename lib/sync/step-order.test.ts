import { expect, test } from 'vitest'
import { mustWaitFor, type Step } from './step-order'

const accept: Step = { operation: 'ACCEPT', payload: null }
const ship: Step = { operation: 'SHIP', payload: { trackingNumber: 'T' } }
const cancel = (newState: number): Step => ({ operation: 'CANCEL', payload: { orderlineId: '1', sku: 'S', newState } })

test.each([
  ['SHIP waits for ACCEPT', ship, accept, true],
  ['SHIP waits for a cancellation before acceptance (4): new_state 3 is refused while a line is to accept', ship, cancel(4), true],
  ['SHIP waits for a refund before shipping (5)', ship, cancel(5), true],
  ['SHIP does not wait for a refund after shipping (6)', ship, cancel(6), false],
  ['a refund after shipping (6) waits for SHIP', cancel(6), ship, true],
  ['a refund after shipping (6) waits for ACCEPT', cancel(6), accept, true],
  ['a refund before shipping (5) waits for ACCEPT', cancel(5), accept, true],
  ['a cancellation before acceptance (4) does not wait for ACCEPT', cancel(4), accept, false],
  ['a cancellation before shipping does not wait for SHIP', cancel(5), ship, false],
  ['ACCEPT waits for nothing', accept, ship, false],
  ['ACCEPT does not wait for a cancellation', accept, cancel(4), false],
  ['stock updates are not steps of an order', { operation: 'STOCK', payload: null } as Step, accept, false],
])('%s', (_name, step, other, expected) => {
  expect(mustWaitFor(step, other)).toBe(expected)
})
