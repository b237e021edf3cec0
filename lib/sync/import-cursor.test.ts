import { expect, test } from 'vitest'
import { nextCursor } from './import-cursor'

const d = (s: string) => new Date(`2026-11-20T${s}Z`)

test('the cursor moves to the newest order imported', () => {
  expect(nextCursor(null, [{ dateModification: d('10:00:00'), ok: true }, { dateModification: d('11:00:00'), ok: true }])).toEqual(d('11:00:00'))
})

test('nothing imported leaves the cursor where it was', () => {
  expect(nextCursor(d('09:00:00'), [])).toEqual(d('09:00:00'))
  expect(nextCursor(null, [])).toBeNull()
})

test('the cursor never passes an order that failed, so it is fetched again', () => {
  const processed = [
    { dateModification: d('10:00:00'), ok: true },
    { dateModification: d('10:30:00'), ok: false },
    { dateModification: d('11:00:00'), ok: true },
  ]
  expect(nextCursor(null, processed)).toEqual(d('10:00:00'))
})

test('the cursor never moves backwards', () => {
  expect(nextCursor(d('12:00:00'), [{ dateModification: d('11:00:00'), ok: true }])).toEqual(d('12:00:00'))
})
