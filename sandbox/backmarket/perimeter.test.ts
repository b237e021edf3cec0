import { request } from 'node:http'
import { expect, test } from 'vitest'
import type { ErrorResponseV1 } from './errors'
import { hostName } from './perimeter'
import type { LoggedRequest } from './request-log'
import { control, json, newSeller, setupSandbox } from './testing'
import type { Order } from './types'

const sandbox = setupSandbox()

/** fetch() cannot set Host; a raw request can, as a DNS-rebound page's request would carry it. */
function rawRequest(path: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; body: ErrorResponseV1 }> {
  const url = new URL(path, sandbox().url)
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers }, (res) => {
      let text = ''
      res.on('data', (c: Buffer) => (text += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text || 'null') as ErrorResponseV1 }))
    })
    req.on('error', reject)
    req.end()
  })
}

const orderCount = async (token: string) => (await control<{ orders: Order[] }>(sandbox(), 'GET', `/state?token=${token}`)).body.orders.length

test('a control request from a web page (any Origin, even "null") is refused with 403 and changes nothing', async () => {
  const seller = await newSeller(sandbox())
  await seller.order()
  for (const origin of ['https://evil.example', 'null', sandbox().url]) {
    // What a `no-cors` form POST from any site sends: text/plain, the page's Origin.
    const wipe = await fetch(`${sandbox().url}/__sandbox/reset`, { method: 'POST', headers: { origin, 'content-type': 'text/plain' }, body: '' })
    expect(wipe.status).toBe(403)
    expect((await json<ErrorResponseV1>(wipe)).error).toMatchObject({ code: 'forbidden', target: 'Origin', message: expect.stringMatching(/web pages/) as unknown })
    const faults = await fetch(`${sandbox().url}/__sandbox/faults`, { method: 'PUT', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ rate429: 1 }) })
    expect(faults.status).toBe(403)
  }
  expect(await orderCount(seller.token)).toBe(1)
  expect((await control<{ rate429: number }>(sandbox(), 'GET', '/faults')).body.rate429).toBe(0)
})

test("a browser's cross-site or same-site read of the control API is refused; a typed URL is not", async () => {
  const seller = await newSeller(sandbox())
  for (const site of ['cross-site', 'same-site', 'same-origin']) {
    const res = await fetch(`${sandbox().url}/__sandbox/state?token=${seller.token}`, { headers: { 'sec-fetch-site': site } })
    expect(res.status).toBe(403)
    expect((await json<ErrorResponseV1>(res)).error.target).toBe('Sec-Fetch-Site')
  }
  expect((await fetch(`${sandbox().url}/__sandbox/state?token=${seller.token}`, { headers: { 'sec-fetch-site': 'none' } })).status).toBe(200)
})

test('a Host that is not loopback is refused on the control API and the seller API (DNS rebinding)', async () => {
  const seller = await newSeller(sandbox())
  await seller.order()
  for (const host of ['evil.example', 'evil.example:4010', '127.0.0.1.nip.io', 'localhost.']) {
    const wipe = await rawRequest('/__sandbox/reset', { host }, 'POST')
    expect(wipe.status).toBe(403)
    expect(wipe.body.error).toMatchObject({ code: 'forbidden', target: 'Host' })
    const read = await rawRequest('/ws/orders', { host, authorization: `Basic ${seller.token}`, 'user-agent': 'BM-Acme-Dashboard;dev@acme.test' })
    expect(read.status).toBe(403)
  }
  expect(await orderCount(seller.token)).toBe(1)
  for (const host of ['127.0.0.1', '127.0.0.1:4010', 'localhost:3000', 'LOCALHOST', '[::1]:4010']) {
    expect((await rawRequest('/__sandbox/faults', { host })).status).toBe(200)
  }
})

test('the request log keeps no credential: Authorization and Cookie are [redacted], the token only a fingerprint', async () => {
  const seller = await newSeller(sandbox())
  const order = await seller.order({ lines: [{ sku: 'RED' }] })
  await seller.bm(`/ws/orders/${order.order_id}`, { headers: { cookie: 'session=abc' }, body: { order_id: order.order_id, new_state: 2, sku: 'RED', token: seller.token, nested: { api_key: 'k' } } })

  const res = await fetch(`${sandbox().url}/__sandbox/requests?token=${seller.token}`)
  const text = await res.text()
  expect(text).not.toContain(seller.token.slice(4))
  expect(text).not.toContain('session=abc')
  const [entry] = JSON.parse(text) as LoggedRequest[]
  expect(entry).toMatchObject({
    method: 'POST',
    status: 200,
    tokenId: expect.stringMatching(/^[0-9a-f]{12}$/) as unknown,
    headers: { authorization: '[redacted]', cookie: '[redacted]', 'user-agent': 'BM-Acme-Dashboard;dev@acme.test' },
    body: { order_id: order.order_id, new_state: 2, sku: 'RED', token: '[redacted]', nested: { api_key: '[redacted]' } },
  })
  expect(entry).not.toHaveProperty('token')
  // Another token's requests are not this one's.
  const other = await newSeller(sandbox())
  expect((await control<LoggedRequest[]>(sandbox(), 'GET', `/requests?token=${other.token}`)).body).toEqual([])
})

test('hostName reads the host of a Host header, IPv6 included, and refuses malformed ones', () => {
  expect(hostName('LocalHost:4010')).toBe('localhost')
  expect(hostName('[::1]:80')).toBe('[::1]')
  expect(hostName('127.0.0.1')).toBe('127.0.0.1')
  for (const bad of [undefined, '', 'a:b:c', 'localhost:99999999', '[::1']) expect(hostName(bad)).toBeNull()
})
