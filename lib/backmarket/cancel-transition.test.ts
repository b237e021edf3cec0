import { expect, test } from 'vitest'
import { cancelStateFor, isLineEnded, needsReturnReason } from './cancel-transition'

test('the line state decides the call: 1 → 4, 2 → 5, 3 → 6; nothing from any other state', () => {
  expect([1, 2, 3].map(cancelStateFor)).toEqual([4, 5, 6])
  expect([0, 4, 5, 6, 7, 8, 9].map(cancelStateFor)).toEqual([null, null, null, null, null, null, null])
})

test('cancelled, refunded and unpaid lines have ended; lines in play or not released have not', () => {
  expect([4, 5, 6, 7].every(isLineEnded)).toBe(true)
  expect([0, 1, 2, 3, 8, 9].some(isLineEnded)).toBe(false)
})

test('only a refund after shipping needs a return reason', () => {
  expect([4, 5, 6].map((s) => needsReturnReason(s as 4 | 5 | 6))).toEqual([false, false, true])
})
