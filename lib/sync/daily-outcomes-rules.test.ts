import { expect, test } from 'vitest'
import { emptyOutcomes, flowKey } from './daily-outcomes-rules'

test('flows are the banner\'s: accept, ship and cancel update the parcel, stock the stock', () => {
  expect((['ACCEPT', 'SHIP', 'CANCEL', 'STOCK'] as const).map(flowKey)).toEqual(['parcelUpdate', 'parcelUpdate', 'parcelUpdate', 'stockUpdate'])
})

test('a quiet day is a day with zeros, not a gap', () => {
  expect(emptyOutcomes(['2026-12-07', '2026-12-08']).map((d) => [d.day, d.parcelUpdate.failed, d.stockUpdate.recovered])).toEqual([['2026-12-07', 0, 0], ['2026-12-08', 0, 0]])
})
