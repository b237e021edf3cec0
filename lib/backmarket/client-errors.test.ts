// Every way a call to Back Market fails, as the client reports it: the error's kind, status and
// body kept, and whether a retry may help (isTransient). The sandbox produces them over real HTTP.
import { expect, test } from 'vitest'
import { BackMarketClient } from './client'
import { failure, sku, USER_AGENT, sandboxPerFile } from './client-test-kit'
import { isTransient } from './errors'
import { closedPort } from './stub-server'

const { setupAccount, withFaults } = sandboxPerFile()

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
