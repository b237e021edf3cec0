import { expect, test } from 'vitest'
import { CUBYN_LIMITS, limitsFor } from '@/lib/addresses/carrier-limits'

test('Cubyn limits apply on their own by default', () => {
  expect(limitsFor('cubyn')).toEqual(CUBYN_LIMITS)
})

test('a carrier only tightens Cubyn limits', () => {
  expect(limitsFor('colissimo')).toEqual({ ...CUBYN_LIMITS, firstName: 29 })
  expect(limitsFor('ups')).toEqual({ ...CUBYN_LIMITS, city: 30 })
})
