import { expect, test } from 'vitest'
import { describeChange } from './describe-change'

test('an edit lists only the fields that changed, with their raw values', () => {
  expect(describeChange({ city: 'Paris', street: '1 rue A', phone: null }, { city: 'Colombes', street: '1 rue A', phone: '+33612' })).toEqual([
    { field: 'city', before: 'Paris', after: 'Colombes' },
    { field: 'phone', before: null, after: '+33612' },
  ])
  expect(describeChange({ acting: true, markets: ['fr-fr'] }, { acting: false, markets: ['fr-fr'] })).toEqual([{ field: 'acting', before: true, after: false }])
})

test('a creation lists what it was made with; a deletion what it was', () => {
  expect(describeChange(null, { name: 'ERP', scopes: ['sync:read', 'sync:write'] })).toEqual([
    { field: 'name', before: null, after: 'ERP' },
    { field: 'scopes', before: null, after: ['sync:read', 'sync:write'] },
  ])
  expect(describeChange(null, { reason: 'By hand', sku: null })).toEqual([{ field: 'reason', before: null, after: 'By hand' }])
  expect(describeChange({ ourSku: 'A', bmSku: 'B' }, undefined)).toEqual([
    { field: 'ourSku', before: 'A', after: null },
    { field: 'bmSku', before: 'B', after: null },
  ])
})

test('nothing on either side is no change; nested objects are compared by value and kept whole', () => {
  expect(describeChange(null, null)).toEqual([])
  expect(describeChange({ refusal: { status: 401 } }, { refusal: null })).toEqual([{ field: 'refusal', before: { status: 401 }, after: null }])
  expect(describeChange({ session: { browser: 'Firefox' } }, { session: { browser: 'Firefox' } })).toEqual([])
})
