import { expect, test } from 'vitest'
import { adviseStatusError, lineStage, orderStage, targetStage } from './status-hierarchy'

test('Back Market line states on the hierarchy, before it, and off it', () => {
  expect([1, 2, 3].map(lineStage)).toEqual(['to_accept', 'waiting_for_fulfillment', 'fulfilled'])
  expect([0, 8, 9].map(lineStage)).toEqual(['awaiting_payment', 'awaiting_payment', 'awaiting_payment'])
  expect([4, 5, 6, 7].map(lineStage)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled'])
  expect(lineStage(42)).toBe('unknown')
})

test('an order stands where its least advanced living line is', () => {
  expect(orderStage([4, 2])).toBe('waiting_for_fulfillment')
  expect(orderStage([1, 2])).toBe('to_accept')
  expect(orderStage([3, 3])).toBe('fulfilled')
  expect(orderStage([4, 5])).toBe('cancelled')
  expect(orderStage([8, 2])).toBe('awaiting_payment')
  expect(orderStage([])).toBe('unknown')
})

test('each update leads to its own stage', () => {
  expect(targetStage('accept')).toBe('waiting_for_fulfillment')
  expect(targetStage('ship')).toBe('fulfilled')
})

test('a line cancelled on Back Market blocks the accept: restore it there', () => {
  const { advice, blocking } = adviseStatusError({ action: 'accept', lines: [{ sku: 'A', state: 4 }, { sku: 'B', state: 2 }] })
  expect(advice).toBe('restore_on_backmarket')
  expect(blocking).toEqual([{ sku: 'A', state: 4, stage: 'cancelled' }])
})

test('shipping a line Back Market still has to accept: move it along there first', () => {
  expect(adviseStatusError({ action: 'ship', lines: [{ sku: 'A', state: 1 }] })).toEqual({
    advice: 'move_on_backmarket',
    blocking: [{ sku: 'A', state: 1, stage: 'to_accept' }],
  })
})

test('a payment Back Market has not confirmed: wait', () => {
  expect(adviseStatusError({ action: 'accept', lines: [{ sku: 'A', state: 8 }] }).advice).toBe('wait_for_payment')
})

test('fixed by hand: Back Market already has it, or nothing blocks a re-sync any more', () => {
  expect(adviseStatusError({ action: 'accept', lines: [{ sku: 'A', state: 2 }, { sku: 'B', state: 3 }] }).advice).toBe('already_there')
  expect(adviseStatusError({ action: 'ship', lines: [{ sku: 'A', state: 6 }] }).advice).toBe('already_there')
  expect(adviseStatusError({ action: 'accept', lines: [{ sku: 'A', state: 1 }, { sku: 'B', state: 2 }] })).toEqual({ advice: 'resync', blocking: [] })
  expect(adviseStatusError({ action: 'ship', lines: [{ sku: 'A', state: 2 }] }).advice).toBe('resync')
})
