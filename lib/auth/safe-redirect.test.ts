import { expect, test } from 'vitest'
import { safeRedirectPath } from '@/lib/auth/safe-redirect'

test('keeps same-site paths with their query', () => {
  expect(safeRedirectPath('/orders/40123456')).toBe('/orders/40123456')
  expect(safeRedirectPath('/orders?q=401&page=2')).toBe('/orders?q=401&page=2')
})

test.each([undefined, null, '', 'https://evil.example/', '//evil.example', '/\\evil.example', 'orders', '/login', '/login?next=/x', '/api/orders', '/\n/evil'])(
  'falls back to /orders for %j',
  (next) => {
    expect(safeRedirectPath(next)).toBe('/orders')
  },
)
