import { expect, test } from 'vitest'
import { trackingAfterImport, type Tracking } from './import-tracking'

const none: Tracking = { trackingNumber: null, trackingUrl: null, shipper: null }
const ours: Tracking = { trackingNumber: '6A1', trackingUrl: 'https://t.example/6A1', shipper: 'Colissimo' }

test('Back Market’s empty tracking never erases ours', () => {
  expect(trackingAfterImport(ours, none)).toEqual(ours)
})

test('another parcel’s tracking on Back Market’s side leaves ours whole', () => {
  expect(trackingAfterImport({ ...ours, shipper: null }, { trackingNumber: 'X9', trackingUrl: 'https://t.example/X9', shipper: 'DHL' })).toEqual({ ...ours, shipper: null })
})

test('with no tracking of ours, Back Market’s fills it; for the same parcel, only what we lack', () => {
  const theirs = { trackingNumber: '6A1', trackingUrl: 'https://bm.example/6A1', shipper: 'La Poste' }
  expect(trackingAfterImport(none, theirs)).toEqual(theirs)
  // A carrier we noted before any parcel existed gives way to the parcel Back Market has.
  expect(trackingAfterImport({ ...none, shipper: 'Colissimo' }, theirs)).toEqual(theirs)
  expect(trackingAfterImport({ ...none, shipper: 'Colissimo' }, { ...none, trackingUrl: 'https://bm.example/' })).toEqual({ ...none, shipper: 'Colissimo', trackingUrl: 'https://bm.example/' })
  expect(trackingAfterImport({ trackingNumber: '6A1', trackingUrl: null, shipper: 'Colissimo' }, theirs)).toEqual({ trackingNumber: '6A1', trackingUrl: 'https://bm.example/6A1', shipper: 'Colissimo' })
})
