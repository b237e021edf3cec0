import { expect, test } from 'vitest'
import { exampleErrors, exampleListing, exampleOrder, exampleOrderPage } from './example-payloads'
import {
  bmAddressSchema,
  bmErrorResponseV1Schema,
  bmListingSchema,
  bmOrderLineSchema,
  bmOrderPageSchema,
  bmOrderSchema,
} from './schemas'
import { ORDER_STATE, ORDERLINE_STATE, orderStateName, orderlineStateName } from './states'

test('accepts the order page of docs/backmarket.md §1.11 as Back Market sends it', () => {
  const page = bmOrderPageSchema.parse(exampleOrderPage())
  expect(page).toMatchObject({ count: 1, next: null, previous: null })
  const [order] = page.results
  expect(order).toMatchObject({
    order_id: 40123456,
    state: ORDER_STATE.TO_PROCESS,
    price: '369.00',
    date_shipping: null,
    country_code: 'fr-fr',
    shipping_address: { first_name: 'Camille', postal_code: '69002', phone: '06 12 34 56 78', company: '' },
  })
  expect(order?.orderlines[0]).toMatchObject({ id: 40150001, listing: 'IPH13-128-BLK-GOOD', state: 1, price: '369.00', quantity: 1 })
})

test('parsed orders stay plain JSON so they can be stored as the snapshot', () => {
  const order = bmOrderSchema.parse(exampleOrder())
  expect(JSON.parse(JSON.stringify(order))).toEqual(order)
  expect(order.date_creation).toBe('2026-03-22T19:14:18Z')
})

test('coerces ids and numbers sent as strings, and prices sent as numbers', () => {
  const raw = exampleOrder()
  raw.order_id = '40123456'
  raw.price = 369
  raw.orderlines = [{ ...(exampleOrder().orderlines as object[])[0], id: '40150001', quantity: '2', price: 184.5 }]
  const order = bmOrderSchema.parse(raw)
  expect(order.order_id).toBe(40123456)
  expect(order.price).toBe('369')
  expect(order.orderlines[0]).toMatchObject({ id: 40150001, quantity: 2, price: '184.5' })
})

test('accepts date-times with offsets, microseconds, or none; "" means null', () => {
  const raw = {
    ...exampleOrder(),
    date_creation: '2026-03-22T20:14:18+01:00',
    date_modification: '2022-04-29T09:35:24.123456Z',
    expected_dispatch_date: '2022-04-29T09:35:24',
    date_shipping: '',
  }
  const order = bmOrderSchema.parse(raw)
  expect(order.date_creation).toBe('2026-03-22T20:14:18+01:00')
  expect(order.date_shipping).toBeNull()
})

test('absent optional fields become null rather than undefined', () => {
  const raw = exampleOrder()
  delete raw.billing_address
  delete raw.paypal_reference
  delete raw.expected_dispatch_date
  delete raw.is_backship
  const order = bmOrderSchema.parse(raw)
  expect(order).toMatchObject({ billing_address: null, paypal_reference: null, expected_dispatch_date: null, is_backship: null })
})

test('rejects an order without its essentials, naming the field', () => {
  const raw = exampleOrder()
  delete raw.date_modification
  const result = bmOrderSchema.safeParse(raw)
  expect(result.success).toBe(false)
  expect(result.error?.issues[0]?.path).toEqual(['date_modification'])
  expect(bmOrderSchema.safeParse({ ...exampleOrder(), order_id: 'A-12' }).success).toBe(false)
  expect(bmOrderSchema.safeParse({ ...exampleOrder(), date_creation: 'yesterday' }).success).toBe(false)
  expect(bmOrderLineSchema.safeParse({ id: 1, state: 1, price: 'cheap', listing: 'X', quantity: 1 }).success).toBe(false)
})

test('accepts the spec’s camelCase address and normalises it to snake_case', () => {
  const address = bmAddressSchema.parse({
    id: 1,
    country: 'FR',
    city: 'Paris',
    postalCode: '75003',
    firstName: 'Victor',
    lastName: 'Hugo',
    company: 'backmarket',
    phoneNumber: '+33639981234',
    state: 'California',
    street: '3, Imaginary Street',
    street2: 'Apartement X',
  })
  expect(address).toEqual({
    company: 'backmarket',
    first_name: 'Victor',
    first_name_pronunciation: null,
    last_name: 'Hugo',
    last_name_pronunciation: null,
    street: '3, Imaginary Street',
    street2: 'Apartement X',
    postal_code: '75003',
    city: 'Paris',
    state: 'California',
    country: 'FR',
    phone: '+33639981234',
    email: null,
    customer_id_number: null,
  })
})

test('snake_case wins when an address carries both spellings', () => {
  expect(bmAddressSchema.parse({ first_name: 'Snake', firstName: 'Camel' }).first_name).toBe('Snake')
})

test('orderlines keyed by SKU (the spec says "indexed by SKU") are read as a list', () => {
  const line = (exampleOrder().orderlines as object[])[0]
  const order = bmOrderSchema.parse({ ...exampleOrder(), orderlines: { 'IPH13-128-BLK-GOOD': line } })
  expect(order.orderlines.map((l) => l.listing)).toEqual(['IPH13-128-BLK-GOOD'])
})

test('a page with an absolute next link', () => {
  const page = bmOrderPageSchema.parse({ count: 120, next: 'https://www.backmarket.fr/ws/orders?page=2&page-size=50', previous: null, results: [] })
  expect(page.next).toBe('https://www.backmarket.fr/ws/orders?page=2&page-size=50')
  expect(bmOrderPageSchema.safeParse({ count: 1, results: 'nope' }).success).toBe(false)
})

test('accepts a ListingPublic with BM’s statuscode', () => {
  const listing = bmListingSchema.parse(exampleListing())
  expect(listing).toMatchObject({ id: '7a97a1b6-547e-4718-bc72-5b84aca91b09', sku: 'IPH13-128-BLK-GOOD', quantity: 3, publication_state: 2, min_price: null })
  expect(bmListingSchema.parse({ ...exampleListing(), quantity: '0' }).quantity).toBe(0)
  expect(bmListingSchema.safeParse({ ...exampleListing(), id: undefined }).success).toBe(false)
})

test('reads the ErrorResponseV1 envelope', () => {
  expect(bmErrorResponseV1Schema.parse(exampleErrors.invalidTransition)).toEqual(exampleErrors.invalidTransition)
  expect(bmErrorResponseV1Schema.safeParse(exampleErrors.botChallenge).success).toBe(false)
})

test('state tables name every documented code', () => {
  expect(Object.values(ORDER_STATE).sort((a, b) => a - b)).toEqual([0, 1, 3, 8, 9, 10])
  expect(Object.values(ORDERLINE_STATE).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  expect(orderStateName(3)).toBe('TO_SHIP')
  expect(orderlineStateName(2)).toBe('ACCEPTED')
  expect(orderStateName(42)).toBeUndefined()
})
