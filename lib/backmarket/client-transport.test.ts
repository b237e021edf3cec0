// What the client does around each call: the onRequest report, the headers it sends, answers
// that do not match Back Market's documentation, and next links it must not follow blindly.
// A stub server covers the answers the sandbox cannot produce.
import { expect, test } from 'vitest'
import { BackMarketClient } from './client'
import { failure, sku, USER_AGENT, sandboxPerFile } from './client-test-kit'
import { isTransient } from './errors'
import { exampleOrderPage } from './example-payloads'
import { startStubServer } from './stub-server'

const { setupAccount } = sandboxPerFile()

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
