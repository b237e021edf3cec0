import { expect, test } from 'vitest'
import { addressErrorTransition } from './address-error-webhooks'

const clean = { addressIssues: null, carrierRejection: null }
const warning = { addressIssues: [{ field: 'phone', severity: 'warning' }], carrierRejection: null }
const error = { addressIssues: [{ field: 'postalCode', severity: 'error' }], carrierRejection: null }
const refused = { addressIssues: null, carrierRejection: { carrier: 'Colissimo', message: 'Unknown street' } }

test('opened when the address starts to block the order, fixed when it stops; nothing otherwise', () => {
  expect(addressErrorTransition(clean, error)).toBe('opened')
  expect(addressErrorTransition(warning, refused)).toBe('opened')
  expect(addressErrorTransition(error, clean)).toBe('fixed')
  expect(addressErrorTransition(refused, warning)).toBe('fixed')
  expect(addressErrorTransition(error, refused)).toBeNull()
  expect(addressErrorTransition(error, error)).toBeNull()
  expect(addressErrorTransition(clean, warning)).toBeNull()
})
