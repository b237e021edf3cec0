import { expect, test } from 'vitest'
import { canTransition, deriveOrderState, initialLineState, LINE_STATES } from './transitions'
import type { LineState } from './types'

// Written out independently of LINE_TRANSITIONS so a wrong table fails here (docs/backmarket.md §1.6).
const ALLOWED = new Set(['1→2', '1→4', '2→3', '2→5', '3→6'])

const pairs = LINE_STATES.flatMap((from) => LINE_STATES.map((to) => ({ from, to, allowed: ALLOWED.has(`${from}→${to}`) })))

test('the table covers all 100 from/to pairs of orderline states', () => {
  expect(pairs).toHaveLength(100)
  expect(pairs.filter((p) => p.allowed)).toHaveLength(ALLOWED.size)
})

test.each(pairs)('line $from → $to allowed: $allowed', ({ from, to, allowed }) => {
  expect(canTransition(from, to)).toBe(allowed)
})

test('a state outside the enum is never a valid target', () => {
  for (const from of LINE_STATES) expect(canTransition(from, 42)).toBe(false)
})

const derive = (lines: LineState[], current: Parameters<typeof deriveOrderState>[1] = 1) => deriveOrderState(lines, current)

test('order is 1 while any line waits for acceptance', () => {
  expect(derive([1])).toBe(1)
  expect(derive([1, 2])).toBe(1)
  expect(derive([1, 4, 3], 3)).toBe(1)
})

test('order is 3 once no line is 1 and one is accepted', () => {
  expect(derive([2])).toBe(3)
  expect(derive([2, 4])).toBe(3)
  expect(derive([2, 3, 5])).toBe(3)
})

test('order is 9 once every line is final, whatever the mix', () => {
  expect(derive([3])).toBe(9)
  expect(derive([4])).toBe(9)
  expect(derive([3, 4, 5, 6])).toBe(9)
  expect(derive([6, 7])).toBe(9)
})

test('order states Back Market sets before payment follow their lines', () => {
  expect(derive([0], 0)).toBe(0)
  expect(derive([8], 10)).toBe(10)
  expect(derive([7, 7], 8)).toBe(8)
})

test('lines on hold keep the current order state', () => {
  expect(derive([9], 1)).toBe(1)
  expect(derive([9], 0)).toBe(0)
})

test('a new order starts its lines in the matching line state', () => {
  expect([0, 10, 8, 1, 3, 9].map((s) => initialLineState(s as 0 | 10 | 8 | 1 | 3 | 9))).toEqual([0, 8, 7, 1, 2, 3])
})
