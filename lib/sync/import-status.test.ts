import { expect, test } from 'vitest'
import { initialStatus, statusAfterBackMarketChange } from './import-status'

test('a new order to accept enters as Created', () => {
  expect(initialStatus([1])).toBe('CREATED')
  expect(initialStatus([1, 1])).toBe('CREATED')
})

test('an order already accepted on Back Market enters as Validated', () => {
  expect(initialStatus([2])).toBe('VALIDATED')
  expect(initialStatus([2, 4])).toBe('VALIDATED')
})

test('an order shipped before it reached us enters as In transit', () => {
  expect(initialStatus([3])).toBe('IN_TRANSIT')
  expect(initialStatus([6])).toBe('IN_TRANSIT')
})

test('an order whose every line is cancelled, refunded or unpaid enters as Cancelled', () => {
  expect(initialStatus([4])).toBe('CANCELLED')
  expect(initialStatus([4, 5, 7])).toBe('CANCELLED')
})

test('Back Market cancelling every line cancels an order not yet packed', () => {
  expect(statusAfterBackMarketChange('CREATED', [4])).toBe('CANCELLED')
  expect(statusAfterBackMarketChange('PICKING', [4, 5])).toBe('CANCELLED')
})

test('Back Market cannot cancel a packed or shipped order, nor change ours otherwise', () => {
  expect(statusAfterBackMarketChange('PACKED', [4])).toBe('PACKED')
  expect(statusAfterBackMarketChange('IN_TRANSIT', [5])).toBe('IN_TRANSIT')
  expect(statusAfterBackMarketChange('CREATED', [2])).toBe('CREATED')
  expect(statusAfterBackMarketChange('CREATED', [])).toBe('CREATED')
})
