// The SSRF policy: every refused range, the refused shapes, a DNS name resolving to a private
// address, and loopback only where the policy allows it.
import { expect, test } from 'vitest'
import { addressRefusal, checkWebhookUrl, type Resolver, UrlRefusedError, urlShapeRefusal } from './url-policy'

const production = { requireHttps: true, allowLoopback: false }
const development = { requireHttps: false, allowLoopback: true }

test.each([
  ['10.1.2.3', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.254', 'private'],
  ['192.168.1.1', 'private'],
  ['100.64.0.1', 'carrierGradeNat'],
  ['127.0.0.1', 'loopback'],
  ['::1', 'loopback'],
  ['169.254.169.254', 'linkLocal'],
  ['fe80::1', 'linkLocal'],
  ['fc00::1', 'uniqueLocal'],
  ['fd00:ec2::254', 'uniqueLocal'],
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:169.254.169.254', 'linkLocal'],
  ['0.0.0.0', 'unspecified'],
  ['::', 'unspecified'],
  ['224.0.0.1', 'multicast'],
  ['ff02::1', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  ['64:ff9b::a00:1', 'rfc6052'],
])('%s is refused (%s)', (address, range) => {
  expect(addressRefusal(address, { allowLoopback: false })).toBe(`${address} is a ${range} address`)
})

test('public addresses pass; loopback passes only where allowed', () => {
  expect(addressRefusal('93.184.216.34', { allowLoopback: false })).toBeNull()
  expect(addressRefusal('2606:4700::1111', { allowLoopback: false })).toBeNull()
  expect(addressRefusal('127.0.0.1', { allowLoopback: true })).toBeNull()
  expect(addressRefusal('::ffff:127.0.0.1', { allowLoopback: true })).toBeNull()
  expect(addressRefusal('10.0.0.1', { allowLoopback: true })).not.toBeNull()
})

test.each([
  ['http://hooks.example.com/x', 'must use https'],
  ['ftp://hooks.example.com/x', 'must be an http(s) URL'],
  ['https://user:pw@hooks.example.com/x', 'must not hold a user name or password'],
  ['https://metadata.google.internal/computeMetadata/v1', 'points to a cloud metadata host'],
  ['https://METADATA.google.internal./', 'points to a cloud metadata host'],
  ['not a url', 'must be an absolute URL'],
])('in production %s is refused: %s', (url, reason) => {
  expect(urlShapeRefusal(url, production)).toBe(reason)
})

const resolvesTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))

test('a DNS name resolving to a private address is refused, even beside a public one', async () => {
  await expect(checkWebhookUrl('https://hooks.example.com/x', production, resolvesTo('10.0.0.7'))).rejects.toThrow(new UrlRefusedError('hooks.example.com resolves to a private address'))
  await expect(checkWebhookUrl('https://hooks.example.com/x', production, resolvesTo('93.184.216.34', '169.254.169.254'))).rejects.toBeInstanceOf(UrlRefusedError)
  await expect(checkWebhookUrl('https://hooks.example.com/x', production, resolvesTo('93.184.216.34'))).resolves.toEqual([{ address: '93.184.216.34', family: 4 }])
})

test('IP literals are judged without DNS, brackets and all', async () => {
  const noDns: Resolver = () => Promise.reject(new Error('no DNS for literals'))
  await expect(checkWebhookUrl('https://[::1]:8443/x', production, noDns)).rejects.toThrow('::1 is a loopback address')
  await expect(checkWebhookUrl('https://169.254.169.254/latest/meta-data', production, noDns)).rejects.toThrow('linkLocal')
  await expect(checkWebhookUrl('http://127.0.0.1:3000/x', development, noDns)).resolves.toHaveLength(1)
})

test('localhost resolves to loopback: refused in production, allowed in development', async () => {
  await expect(checkWebhookUrl('https://localhost/x', production)).rejects.toThrow(new UrlRefusedError('localhost resolves to a loopback address'))
  await expect(checkWebhookUrl('http://localhost/x', development)).resolves.not.toHaveLength(0)
})

test('a name that does not resolve is refused', async () => {
  await expect(checkWebhookUrl('https://hooks.example.com/x', production, resolvesTo())).rejects.toThrow('hooks.example.com does not resolve')
})
