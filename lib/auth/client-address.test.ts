import { expect, test } from 'vitest'
import { clientAddress, exactAddress, normalizeAddress, throttleKeyOf } from '@/lib/auth/client-address'
import { requestOrigin } from '@/lib/auth/request-origin'

test('without a proxy, the address is the one next start wrote from the socket', () => {
  expect(clientAddress('203.0.113.7', 0)).toBe('203.0.113.7')
  expect(clientAddress('::1', 0)).toBe('0:0:0:0::/64')
  expect(clientAddress(null, 0)).toBeNull()
})

test('behind proxies, the client is the entry that many from the right; what it wrote itself is ignored', () => {
  // The client sent "1.1.1.1" itself; our one proxy appended the address it really came from.
  expect(clientAddress('1.1.1.1, 203.0.113.7', 1)).toBe('203.0.113.7')
  // Two proxies: the outer one appended the client, the inner one the outer proxy.
  expect(clientAddress('1.1.1.1, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7')
  expect(clientAddress(' 203.0.113.7 ,10.0.0.2', 2)).toBe('203.0.113.7')
})

test('a header shorter than the proxy chain did not come through the proxies: no address', () => {
  expect(clientAddress('203.0.113.7', 2)).toBeNull()
  expect(clientAddress('', 1)).toBeNull()
})

test('addresses are normalised to one key per client', () => {
  expect(normalizeAddress('::ffff:192.0.2.1')).toBe('192.0.2.1')
  expect(normalizeAddress('192.0.2.1:51234')).toBe('192.0.2.1')
  expect(normalizeAddress('[2001:db8:1:2::7]:443')).toBe('2001:db8:1:2::/64')
  // Two hosts of one /64 are one client; another /64 is another.
  expect(normalizeAddress('2001:0db8:0001:0002:aaaa::1')).toBe(normalizeAddress('2001:db8:1:2:ffff:1:2:3'))
  expect(normalizeAddress('2001:db8:1:3::1')).not.toBe(normalizeAddress('2001:db8:1:2::1'))
  expect(normalizeAddress('unknown')).toBeNull()
  expect(normalizeAddress('1.2.3.4.5')).toBeNull()
})

test('the audit and the sessions list get the exact address: loopback as is, IPv4-mapped as IPv4, junk as none', () => {
  expect(exactAddress('::1', 0)).toBe('::1')
  expect(exactAddress('127.0.0.1', 0)).toBe('127.0.0.1')
  expect(exactAddress('::ffff:192.0.2.1', 0)).toBe('192.0.2.1')
  expect(exactAddress('[2001:DB8:1:2::7]:443', 0)).toBe('2001:db8:1:2::7')
  expect(exactAddress('1.1.1.1, 2001:db8::9', 1)).toBe('2001:db8::9')
  expect(exactAddress('not-an-address', 0)).toBeNull()
  expect(exactAddress('203.0.113.7', 2)).toBeNull()
  // The throttle still counts an IPv6 client by its /64, from the exact address too.
  expect(throttleKeyOf('2001:db8:1:2::7')).toBe('2001:db8:1:2::/64')
  expect(throttleKeyOf('203.0.113.7')).toBe('203.0.113.7')
  expect(throttleKeyOf(null)).toBeNull()
})

test('requestOrigin records the exact address behind the configured proxies', () => {
  expect(requestOrigin(new Headers({ 'x-forwarded-for': '::1', 'user-agent': 'UA' }))).toEqual({ ipAddress: '::1', userAgent: 'UA' })
})
