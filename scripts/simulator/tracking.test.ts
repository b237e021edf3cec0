import { expect, test } from 'vitest'
import { seededRandom } from './random'
import { parcelFor } from './tracking'

test.each([
  ['Colissimo', 'FR', 'Colissimo', /^6A\d{11}$/, 'https://www.laposte.fr/'],
  ['Chronopost Express', 'FR', 'Chronopost Express', /^[A-Z]{2}\d{9}FR$/, 'https://www.chronopost.fr/'],
  ['UPS standard', 'FR', 'UPS standard', /^1Z[A-Z0-9]{6}\d{10}$/, 'https://www.ups.com/'],
  ['DHL Express', 'DE', 'DHL Express', /^\d{10}$/, 'https://www.dhl.com/'],
  ['DPD FR', 'FR', 'DPD FR', /^\d{14}$/, 'https://trace.dpd.fr/'],
  ['GLS - FR', 'FR', 'GLS - FR', /^\d{11}$/, 'https://gls-group.com/'],
  // Not a carrier we know the format of: the destination's usual carrier.
  ['Cubyn', 'GB', 'Royal Mail', /^[A-Z]{2}\d{9}GB$/, 'https://www.royalmail.com/'],
  [null, 'FR', 'Colissimo', /^6A\d{11}$/, 'https://www.laposte.fr/'],
  [null, null, 'Colissimo', /^6A\d{11}$/, 'https://www.laposte.fr/'],
] as const)('%s to %s ships with %s', (shipper, country, carrier, number, site) => {
  const parcel = parcelFor({ shipper, country }, seededRandom(5))

  expect(parcel.carrier).toBe(carrier)
  expect(parcel.trackingNumber).toMatch(number)
  expect(parcel.trackingUrl.startsWith(site)).toBe(true)
  expect(parcel.trackingUrl).toContain(parcel.trackingNumber)
})
