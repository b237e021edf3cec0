import { expect, test } from 'vitest'
import { exampleOrder } from './example-payloads'
import { isAnonymizedAddress, toOrderImport } from './mapper'
import { bmOrderSchema } from './schemas'

const parse = (raw: Record<string, unknown>) => bmOrderSchema.parse(raw)

test('maps the order of docs/backmarket.md §1.11 to our import shape', () => {
  expect(toOrderImport(parse(exampleOrder()))).toEqual({
    reference: '40123456',
    bmState: 1,
    bmDateModification: new Date('2026-03-22T19:17:00Z'),
    placedAt: new Date('2026-03-22T19:14:18Z'),
    countryCode: 'fr-fr',
    currency: 'EUR',
    totalPrice: '369.00',
    shippingPrice: '0.00',
    shipper: 'Colissimo',
    trackingNumber: null,
    trackingUrl: null,
    expectedDispatchAt: null,
    shippingAddress: {
      company: null,
      firstName: 'Camille',
      lastName: 'Martin',
      street: '12 rue de la République',
      street2: 'Bâtiment B, 3e étage',
      postalCode: '69002',
      city: 'Lyon',
      country: 'FR',
      phone: '06 12 34 56 78',
      email: 'shipping_1234567_40123456@eu.perso-email.com',
    },
    lines: [
      {
        bmOrderlineId: 40150001n,
        listing: 'IPH13-128-BLK-GOOD',
        productTitle: 'iPhone 13 128GB - Midnight - Unlocked',
        quantity: 1,
        price: '369.00',
        bmState: 1,
        imei: null,
        serialNumber: null,
      },
    ],
  })
})

test('converts offsets to instants and keeps shipped details', () => {
  const raw = {
    ...exampleOrder(),
    state: 9,
    date_modification: '2026-03-23T16:02:00+01:00',
    expected_dispatch_date: '2026-03-24T12:00:00+01:00',
    tracking_number: '6A12345678901',
    tracking_url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
    orderlines: [{ ...(exampleOrder().orderlines as object[])[0], state: 3, imei: '356789012345678' }],
  }
  const imp = toOrderImport(parse(raw))
  expect(imp.bmDateModification.toISOString()).toBe('2026-03-23T15:02:00.000Z')
  expect(imp.expectedDispatchAt?.toISOString()).toBe('2026-03-24T11:00:00.000Z')
  expect(imp).toMatchObject({ bmState: 9, trackingNumber: '6A12345678901' })
  expect(imp.lines[0]).toMatchObject({ bmState: 3, imei: '356789012345678', serialNumber: null })
})

test('keeps a GDPR-anonymised address as "Deleted" so it can be flagged, not silently emptied', () => {
  const deleted = Object.fromEntries(
    ['company', 'first_name', 'last_name', 'street', 'street2', 'postal_code', 'city', 'phone', 'email'].map((k) => [k, 'Deleted']),
  )
  const bm = parse({ ...exampleOrder(), shipping_address: { ...deleted, country: 'GB' } })
  const imp = toOrderImport(bm)
  expect(imp.shippingAddress).toMatchObject({ firstName: 'Deleted', postalCode: 'Deleted', phone: 'Deleted', country: 'GB' })
  expect(isAnonymizedAddress(bm.shipping_address)).toBe(true)
  expect(isAnonymizedAddress(imp.shippingAddress)).toBe(true)
  expect(isAnonymizedAddress(toOrderImport(parse(exampleOrder())).shippingAddress)).toBe(false)
})

test('maps a camelCase address like a snake_case one', () => {
  const imp = toOrderImport(
    parse({
      ...exampleOrder(),
      shipping_address: { firstName: 'Victor', lastName: 'Hugo', postalCode: '75003', phoneNumber: '+33639981234', street: '3, Imaginary Street', street2: '', city: 'Paris', country: 'FR' },
    }),
  )
  expect(imp.shippingAddress).toEqual({
    company: null,
    firstName: 'Victor',
    lastName: 'Hugo',
    street: '3, Imaginary Street',
    street2: null,
    postalCode: '75003',
    city: 'Paris',
    country: 'FR',
    phone: '+33639981234',
    email: null,
  })
})

test('empty and blank strings become null; a line without a title is labelled by its SKU', () => {
  const imp = toOrderImport(
    parse({
      ...exampleOrder(),
      shipper: '  ',
      country_code: '',
      shipping_address: { ...(exampleOrder().shipping_address as object), street2: ' ', company: null },
      orderlines: [{ ...(exampleOrder().orderlines as object[])[0], product: '', serial_number: 'SN-1' }],
    }),
  )
  expect(imp).toMatchObject({ shipper: null, countryCode: null, shippingAddress: { street2: null, company: null } })
  expect(imp.lines[0]).toMatchObject({ productTitle: 'IPH13-128-BLK-GOOD', serialNumber: 'SN-1', imei: null })
})

test('a string order_id gives the same reference and a bigint line id', () => {
  const imp = toOrderImport(parse({ ...exampleOrder(), order_id: '40123456' }))
  expect(imp.reference).toBe('40123456')
  expect(typeof imp.lines[0]?.bmOrderlineId).toBe('bigint')
})
