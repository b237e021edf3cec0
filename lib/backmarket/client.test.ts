// The client against the real sandbox over HTTP (docs/sandbox-contract.md). Only the network is
// stood in for: the sandbox plays Back Market, and a stub server covers what it cannot produce.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startSandbox, type Sandbox } from '../../sandbox/backmarket/server'
import { BackMarketClient, type BackMarketClientOptions } from './client'
import { BackMarketError, isTransient } from './errors'
import { exampleOrderPage } from './example-payloads'
import { closedPort, startStubServer } from './stub-server'
import type { BackMarketRequestEvent } from './transport'

const USER_AGENT = 'BM-Cubyn-MerchantDashboard;tech@example.com'
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
})
afterAll(async () => {
  await sandbox?.close()
})

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sandbox.url}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`sandbox ${method} ${path} → ${res.status}: ${text}`)
  return text ? JSON.parse(text) : null
}

/** A fresh seller account (unique token) and a client for it. */
async function setupAccount() {
  const token = `test-${randomUUID()}`
  await control('POST', '/accounts', { token })
  const events: BackMarketRequestEvent[] = []
  const client = (overrides: Partial<BackMarketClientOptions> = {}) =>
    new BackMarketClient({
      baseUrl: sandbox.url,
      token,
      acceptLanguage: 'fr-fr',
      userAgent: USER_AGENT,
      timeoutMs: 5_000,
      onRequest: (e) => void events.push(e),
      ...overrides,
    })
  const createOrder = async (lines: { sku: string; quantity?: number }[], extra: Record<string, unknown> = {}) =>
    (await control('POST', '/orders', { token, lines, ...extra })) as { order_id: number }
  const createListing = async (sku: string, quantity: number) =>
    (await control('POST', '/listings', { token, sku, quantity })) as { id: string }
  const requestLog = async () =>
    (await control('GET', `/requests?token=${encodeURIComponent(token)}`)) as { method: string; path: string; status?: number; body: unknown }[]
  return { token, client, events, createOrder, createListing, requestLog }
}

async function withFaults<T>(faults: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
  await control('PUT', '/faults', faults)
  try {
    return await fn()
  } finally {
    await control('DELETE', '/faults')
  }
}

async function failure(p: Promise<unknown>): Promise<BackMarketError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(err instanceof BackMarketError)) throw new Error(`expected a BackMarketError, got ${String(err)}`)
  return err
}

const sku = () => `SKU-${randomUUID().slice(0, 8)}`

test('iterateOrders follows next links over more than 50 orders, 50 per page', async () => {
  const { client, events, createOrder } = await setupAccount()
  const created: number[] = []
  for (let i = 0; i < 120; i++) created.push((await createOrder([{ sku: sku() }])).order_id)

  const seen: number[] = []
  for await (const order of client().iterateOrders({ state: 1 })) seen.push(order.order_id)

  expect(seen.sort()).toEqual([...created].sort())
  expect(events.map((e) => [e.operation, e.status])).toEqual([
    ['iterateOrders', 200],
    ['iterateOrders', 200],
    ['iterateOrders', 200],
  ])
  expect(events[0]?.path).toBe('/ws/orders?state=1&page-size=50')
  expect(events[2]?.path).toContain('page=3')
})

test('listOrders gives one page with absolute next and previous links', async () => {
  const { client, createOrder } = await setupAccount()
  for (let i = 0; i < 12; i++) await createOrder([{ sku: sku() }])
  const page = await client().listOrders({ page: 2, pageSize: 5 })
  expect(page.count).toBe(12)
  expect(page.results).toHaveLength(5)
  expect(page.next).toMatch(/^http:\/\/.+\/ws\/orders\?.*page=3/)
  expect(page.previous).toMatch(/^http:\/\/.+page=1/)
  expect(() => client().listOrders({ pageSize: 51 })).toThrow(RangeError)
})

test('date filters are sent as RFC 3339 and act as lower bounds', async () => {
  const { client, createOrder, requestLog } = await setupAccount()
  const { order_id } = await createOrder([{ sku: sku() }], { date_creation: '2026-01-10T08:00:00Z' })
  await createOrder([{ sku: sku() }], { date_creation: '2025-06-01T08:00:00Z' })

  const since = new Date('2026-01-01T00:00:00.750Z')
  const page = await client().listOrders({ dateCreation: since })
  expect(page.results.map((o) => o.order_id)).toEqual([order_id])
  const future = await client().listOrders({ dateModification: new Date(Date.now() + 3_600_000) })
  expect(future.count).toBe(0)
  const [first] = await requestLog()
  expect(decodeURIComponent(first?.path ?? '')).toContain('date_creation=2026-01-01T00:00:00Z')
})

test('accept then ship: the happy path of one order', async () => {
  const { client, createOrder, createListing, requestLog } = await setupAccount()
  const s = sku()
  await createListing(s, 5)
  const { order_id } = await createOrder([{ sku: s }])
  const bm = client()

  const accepted = await bm.acceptOrderline(order_id, s)
  expect(accepted.state).toBe(3)
  expect(accepted.orderlines[0]?.state).toBe(2)

  const shipped = await bm.shipOrder(String(order_id), {
    trackingNumber: '6A12345678901',
    trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
    shipper: 'Colissimo',
    dateShipping: new Date('2026-03-23T15:02:00.500Z'),
    imei: '356789012345678',
  })
  expect(shipped).toMatchObject({ order_id, state: 9, tracking_number: '6A12345678901', shipper: 'Colissimo' })
  expect(shipped.orderlines[0]).toMatchObject({ state: 3, imei: '356789012345678' })
  expect((await bm.getOrder(order_id)).state).toBe(9)

  const writes = (await requestLog()).filter((r) => r.method === 'POST')
  expect(writes.map((w) => w.body)).toEqual([
    { new_state: 2, sku: s, order_id },
    {
      new_state: 3,
      tracking_number: '6A12345678901',
      tracking_url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
      shipper: 'Colissimo',
      date_shipping: '2026-03-23T15:02:00Z',
      imei: '356789012345678',
      order_id,
    },
  ])
})

test('cancelOrderline cancels one line with a message for the customer', async () => {
  const { client, createOrder } = await setupAccount()
  const [keep, drop] = [sku(), sku()]
  const { order_id } = await createOrder([{ sku: keep }, { sku: drop }])
  const order = await client().cancelOrderline(order_id, drop, 'Stock error, sorry.')
  const line = order.orderlines.find((l) => l.listing === drop)
  expect(line).toMatchObject({ state: 4, return_message: 'Stock error, sorry.' })
  expect(order.orderlines.find((l) => l.listing === keep)?.state).toBe(1)
})

test('an unknown SKU is not_found, with Back Market’s message, status and body kept', async () => {
  const { client, createOrder } = await setupAccount()
  const { order_id } = await createOrder([{ sku: sku() }])
  const err = await failure(client().acceptOrderline(order_id, 'NO-SUCH-SKU'))
  expect(err).toMatchObject({
    kind: 'not_found',
    status: 404,
    message: "The listing doesn't exist",
    bmCode: 'not-found',
    target: 'sku',
    method: 'POST',
    path: `/ws/orders/${order_id}`,
  })
  expect(err.body).toMatchObject({ error: { message: "The listing doesn't exist" } })
  expect(isTransient(err)).toBe(false)

  expect((await failure(client().getListingBySku('NO-SUCH-SKU'))).kind).toBe('not_found')
  expect((await failure(client().getOrder(order_id + 1_000_000))).status).toBe(404)
})

test('shipping before accepting is invalid_transition, with the states in data', async () => {
  const { client, createOrder } = await setupAccount()
  const s = sku()
  const { order_id } = await createOrder([{ sku: s }])
  const err = await failure(client().shipOrder(order_id, { trackingNumber: 'TN1' }))
  expect(err).toMatchObject({ kind: 'invalid_transition', status: 400, data: { current_state: 1, requested_state: 3 } })

  await client().acceptOrderline(order_id, s)
  expect((await failure(client().acceptOrderline(order_id, s))).kind).toBe('invalid_transition')
  const missingTracking = await failure(client().shipOrder(order_id, { trackingNumber: '' }))
  expect(missingTracking).toMatchObject({ kind: 'validation', status: 400, target: 'tracking_number' })
})

test('a wrong token is unauthorized', async () => {
  const { client } = await setupAccount()
  const err = await failure(client({ token: 'not-a-real-token' }).listOrders())
  expect(err).toMatchObject({ kind: 'unauthorized', status: 401 })
  expect(isTransient(err)).toBe(false)
})

test('a User-Agent not in BM’s format is forbidden', async () => {
  const { client } = await setupAccount()
  const err = await failure(client({ userAgent: 'node' }).listOrders())
  expect(err).toMatchObject({ kind: 'forbidden', status: 403, target: 'User-Agent' })
})

test('past 200 requests in 10 s the token is rate_limited, with retryAfterMs', async () => {
  const { client } = await setupAccount()
  const bm = client()
  await Promise.all(Array.from({ length: 200 }, () => bm.listOrders({ pageSize: 1 })))
  const err = await failure(bm.listOrders({ pageSize: 1 }))
  expect(err).toMatchObject({ kind: 'rate_limited', status: 429 })
  expect(err.retryAfterMs).toBeGreaterThan(0)
  expect(err.retryAfterMs).toBeLessThanOrEqual(10_000)
  expect(isTransient(err)).toBe(true)
})

test('an injected 429 without Retry-After, in JSON then as Cloudflare HTML', async () => {
  const { client } = await setupAccount()
  const json = await withFaults({ rate429: 1 }, () => failure(client().listOrders()))
  expect(json).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: undefined, html: false })
  const html = await withFaults({ rate429: 1, htmlErrors: true }, () => failure(client().listOrders()))
  expect(html).toMatchObject({ kind: 'rate_limited', status: 429, html: true })
  expect(typeof html.body).toBe('string')
})

test('5xx from the edge is a transient server error, JSON or HTML with its cf-ray', async () => {
  const { client } = await setupAccount()
  const json = await withFaults({ error5xxRate: 1 }, () => failure(client().getListingBySku('X')))
  expect(json.kind).toBe('server')
  expect([502, 503]).toContain(json.status)
  expect(isTransient(json)).toBe(true)
  const html = await withFaults({ error5xxRate: 1, htmlErrors: true }, () => failure(client().getListingBySku('X')))
  expect(html).toMatchObject({ kind: 'server', html: true, requestId: expect.stringMatching(/-CDG$/) })
})

test('a request that never answers is a timeout, reported with its duration', async () => {
  const { client, events } = await setupAccount()
  const err = await withFaults({ timeoutRate: 1 }, () => failure(client({ timeoutMs: 300 }).listOrders()))
  expect(err).toMatchObject({ kind: 'timeout', status: undefined })
  expect(isTransient(err)).toBe(true)
  expect(events.at(-1)).toMatchObject({ operation: 'listOrders', ok: false, status: undefined, error: err })
  expect(events.at(-1)?.durationMs).toBeGreaterThanOrEqual(290)
})

test('nothing listening is a network error', async () => {
  const port = await closedPort()
  const bm = new BackMarketClient({ baseUrl: `http://127.0.0.1:${port}`, token: 't', acceptLanguage: 'fr-fr', userAgent: USER_AGENT })
  const err = await failure(bm.getOrder(1))
  expect(err).toMatchObject({ kind: 'network', status: undefined })
  expect(err.message).toContain('ECONNREFUSED')
  expect(isTransient(err)).toBe(true)
})

test('stock: find the listing by SKU, then set its quantity', async () => {
  const { client, createListing } = await setupAccount()
  const s = sku()
  const created = await createListing(s, 3)
  const bm = client()
  const listing = await bm.getListingBySku(s)
  expect(listing).toMatchObject({ id: created.id, sku: s, quantity: 3 })
  const updated = await bm.updateListingQuantity(listing.id, 0)
  expect(updated).toMatchObject({ id: created.id, quantity: 0 })
  expect((await bm.getListingBySku(s)).quantity).toBe(0)
  expect((await failure(bm.updateListingQuantity(randomUUID(), 1))).kind).toBe('not_found')
  expect(() => bm.updateListingQuantity(listing.id, -1)).toThrow(RangeError)
})

test('onRequest reports every call with its operation, path, status and timing', async () => {
  const { client, events, createOrder } = await setupAccount()
  const s = sku()
  const { order_id } = await createOrder([{ sku: s }])
  await client().acceptOrderline(order_id, s)
  await failure(client().acceptOrderline(order_id, s))
  expect(events).toHaveLength(2)
  expect(events[0]).toMatchObject({ operation: 'acceptOrderline', method: 'POST', path: `/ws/orders/${order_id}`, status: 200, ok: true })
  expect(events[1]).toMatchObject({ operation: 'acceptOrderline', status: 400, ok: false, error: { kind: 'invalid_transition' } })
  for (const e of events) {
    expect(e.durationMs).toBeGreaterThanOrEqual(0)
    expect(e.startedAt).toBeInstanceOf(Date)
  }
})

test('a failing onRequest hook does not fail the call it reports', async () => {
  const { client, createOrder } = await setupAccount()
  const s = sku()
  const { order_id } = await createOrder([{ sku: s }])
  const throwing = client({ onRequest: () => { throw new Error('recorder down') } })
  expect((await throwing.acceptOrderline(order_id, s)).orderlines[0]?.state).toBe(2)
  const rejecting = client({ onRequest: () => Promise.reject(new Error('recorder down')) })
  expect((await rejecting.getOrder(order_id)).order_id).toBe(order_id)
})

test('sends the documented headers on every call', async () => {
  const stub = await startStubServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(exampleOrderPage()))
  })
  try {
    const bm = new BackMarketClient({ baseUrl: `${stub.url}/`, token: 'Basic abc123==', acceptLanguage: 'en-gb', userAgent: USER_AGENT, fetch })
    await bm.listOrders()
    expect(stub.requests[0]?.headers).toMatchObject({
      authorization: 'Basic abc123==',
      accept: 'application/json',
      'content-type': 'application/json',
      'accept-language': 'en-gb',
      'user-agent': USER_AGENT,
    })
    expect(stub.requests[0]?.url).toBe('/ws/orders')
  } finally {
    await stub.close()
  }
})

test('a 200 that is not what Back Market documents is bad_response, keeping the body', async () => {
  const stub = await startStubServer((req, res) => {
    if (req.url?.startsWith('/ws/orders/1')) res.writeHead(200, { 'content-type': 'text/plain' }).end('<<garbled>>')
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"count":"many","results":[]}')
  })
  try {
    const bm = new BackMarketClient({ baseUrl: stub.url, token: 't', acceptLanguage: 'fr-fr', userAgent: USER_AGENT })
    const garbled = await failure(bm.getOrder(1))
    expect(garbled).toMatchObject({ kind: 'bad_response', status: 200, body: '<<garbled>>' })
    const wrongShape = await failure(bm.listOrders())
    expect(wrongShape).toMatchObject({ kind: 'bad_response', status: 200, body: { count: 'many', results: [] } })
    expect(wrongShape.message).toContain('count')
    expect(isTransient(wrongShape)).toBe(false)
  } finally {
    await stub.close()
  }
})

test('a next link to another host is followed on the configured host only', async () => {
  const stub = await startStubServer((req, res) => {
    const first = !req.url?.includes('page=2')
    const body = { count: 2, next: first ? 'http://elsewhere.example/ws/orders?page=2' : null, previous: null, results: exampleOrderPage().results }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  })
  try {
    const bm = new BackMarketClient({ baseUrl: stub.url, token: 't', acceptLanguage: 'fr-fr', userAgent: USER_AGENT })
    const ids: number[] = []
    for await (const o of bm.iterateOrders()) ids.push(o.order_id)
    expect(ids).toHaveLength(2)
    expect(stub.requests.map((r) => r.url)).toEqual(['/ws/orders?page-size=50', '/ws/orders?page=2'])
  } finally {
    await stub.close()
  }
})

test('a next link that loops back is bad_response rather than an endless scan', async () => {
  const stub = await startStubServer((_req, res) => {
    const body = { count: 2, next: '/ws/orders?page-size=50', previous: null, results: [] }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  })
  try {
    const bm = new BackMarketClient({ baseUrl: stub.url, token: 't', acceptLanguage: 'fr-fr', userAgent: USER_AGENT })
    const err = await failure((async () => {
      for await (const _ of bm.iterateOrders()) void _
    })())
    expect(err.kind).toBe('bad_response')
    expect(stub.requests).toHaveLength(1)
  } finally {
    await stub.close()
  }
})
