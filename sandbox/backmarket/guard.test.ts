import { expect, test } from 'vitest'
import type { ErrorResponseV1 } from './errors'
import type { LoggedRequest } from './request-log'
import type { Order } from './types'
import { startSandbox } from './server'
import { control, json, newSeller, USER_AGENT, setupSandbox, withOwnSandbox } from './testing'

const sandbox = setupSandbox()

test('401 ErrorResponseV1 without Authorization, with another scheme, or with an unknown token', async () => {
  const seller = await newSeller(sandbox())
  for (const authorization of [undefined, `Bearer ${seller.token}`, 'Basic nobody']) {
    const res = await fetch(`${sandbox().url}/ws/orders`, { headers: { 'user-agent': USER_AGENT, ...(authorization ? { authorization } : {}) } })
    expect(res.status).toBe(401)
    expect((await json<ErrorResponseV1>(res)).error.code).toBe('unauthenticated')
  }
})

test('403 without a User-Agent of the form BM-{Company}-{Integration};{email}', async () => {
  const seller = await newSeller(sandbox())
  for (const ua of ['node', 'BM-Acme-Dash', 'Acme;dev@acme.test']) {
    const res = await seller.bm('/ws/orders', { headers: { 'user-agent': ua } })
    expect(res.status).toBe(403)
    expect((await json<ErrorResponseV1>(res)).error.target).toBe('User-Agent')
  }
})

test('429 with Retry-After once a token passes 200 requests in 10 s; other tokens unaffected', async () => {
  const seller = await newSeller(sandbox())
  const statuses = await Promise.all(Array.from({ length: 200 }, () => seller.bm('/ws/orders?page-size=1').then((r) => r.status)))
  expect(statuses.every((s) => s === 200)).toBe(true)
  const limited = await seller.bm('/ws/orders')
  expect(limited.status).toBe(429)
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(9)
  expect(await json(limited)).toMatchObject({ error: { code: 'rate-limited', message: 'Too many requests' } })
  // The block holds for every call of that token, writes included.
  expect((await seller.bm('/ws/orders/1', { body: {} })).status).toBe(429)
  const other = await newSeller(sandbox())
  expect((await other.bm('/ws/orders')).status).toBe(200)
})

test('every /ws/ request is logged with its status and body, per token and since a time', async () => {
  const seller = await newSeller(sandbox())
  const order = await seller.order({ lines: [{ sku: 'LOG' }] })
  await seller.bm('/ws/orders?state=1')
  // `since` is inclusive at millisecond precision; step past the GET's arrival time.
  await new Promise((r) => setTimeout(r, 5))
  const since = new Date().toISOString()
  const body = { order_id: order.order_id, new_state: 2, sku: 'LOG' }
  await seller.bm(`/ws/orders/${order.order_id}`, { body })
  await seller.bm(`/ws/orders/${order.order_id}`, { body })
  await seller.bm('/ws/orders', { headers: { 'user-agent': 'curl' } })

  const all = await control<LoggedRequest[]>(sandbox(), 'GET', `/requests?token=${seller.token}`)
  expect(all.body.map((r) => [r.method, r.path, r.status])).toEqual([
    ['GET', '/ws/orders?state=1', 200],
    ['POST', `/ws/orders/${order.order_id}`, 200],
    ['POST', `/ws/orders/${order.order_id}`, 400],
    ['GET', '/ws/orders', 403],
  ])
  const recent = await control<LoggedRequest[]>(sandbox(), 'GET', `/requests?token=${seller.token}&since=${encodeURIComponent(since)}`)
  expect(recent.body.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([body, body])
  expect(recent.body).toHaveLength(3)
})

// Faults are global to a sandbox, so these tests start their own.
test('5xx fault: the configured share of calls fail with 502/503, JSON or Cloudflare HTML', async () => {
  await withOwnSandbox(async (sb) => {
    const seller = await newSeller(sb)
    const set = await control(sb, 'PUT', '/faults', { error5xxRate: 0.5 })
    expect(set.body).toMatchObject({ error5xxRate: 0.5, rate429: 0, htmlErrors: false })
    const statuses = await Promise.all(Array.from({ length: 150 }, () => seller.bm('/ws/orders').then((r) => r.status)))
    const failed = statuses.filter((s) => s === 502 || s === 503).length
    expect(statuses.every((s) => [200, 502, 503].includes(s))).toBe(true)
    // Binomial(150, 0.5): outside 45..105 is a >7-sigma event.
    expect(failed).toBeGreaterThan(45)
    expect(failed).toBeLessThan(105)

    await control(sb, 'PUT', '/faults', { error5xxRate: 1, htmlErrors: true })
    const html = await seller.bm('/ws/orders')
    expect([502, 503]).toContain(html.status)
    expect(html.headers.get('content-type')).toMatch(/^text\/html/)
    expect(html.headers.get('server')).toBe('cloudflare')
    expect(await html.text()).toContain('cloudflare')

    await control(sb, 'DELETE', '/faults')
    expect((await seller.bm('/ws/orders')).status).toBe(200)
  })
})

test('429 fault answers without Retry-After (Back Market documents none), HTML when asked', async () => {
  await withOwnSandbox(async (sb) => {
    const seller = await newSeller(sb)
    await control(sb, 'PUT', '/faults', { rate429: 1 })
    const res = await seller.bm('/ws/orders')
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBeNull()
    expect((await json<ErrorResponseV1>(res)).error.code).toBe('rate-limited')
    await control(sb, 'PUT', '/faults', { htmlErrors: true })
    const html = await seller.bm('/ws/orders')
    expect(html.status).toBe(429)
    expect(await html.text()).toMatch(/rate limited/)
    expect((await control(sb, 'PUT', '/faults', { rate429: 2 })).status).toBe(400)
  })
})

test('latency fault delays answers', async () => {
  await withOwnSandbox(async (sb) => {
    const seller = await newSeller(sb)
    await control(sb, 'PUT', '/faults', { latencyMs: 300 })
    const t0 = performance.now()
    expect((await seller.bm('/ws/orders')).status).toBe(200)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290)
  })
})

test('timeout fault holds requests unanswered, and close() still returns promptly', async () => {
  const sb = await startSandbox({ port: 0 })
  const seller = await newSeller(sb)
  await control(sb, 'PUT', '/faults', { timeoutRate: 1, latencyMs: 0 })
  const abortable = fetch(`${sb.url}/ws/orders`, { headers: { authorization: `Basic ${seller.token}`, 'user-agent': USER_AGENT }, signal: AbortSignal.timeout(300) })
  await expect(abortable).rejects.toThrow(/aborted|timeout/i)

  const held = fetch(`${sb.url}/ws/orders`, { headers: { authorization: `Basic ${seller.token}`, 'user-agent': USER_AGENT } })
  // Wait until the sandbox holds both requests: the one the client gave up on and this one.
  let log: LoggedRequest[] = []
  for (let i = 0; i < 50 && log.length < 2; i++) {
    log = (await control<LoggedRequest[]>(sb, 'GET', `/requests?token=${seller.token}`)).body
    if (log.length < 2) await new Promise((r) => setTimeout(r, 10))
  }
  expect(log.map((r) => r.status)).toEqual([null, null])
  const t0 = performance.now()
  await sb.close()
  expect(performance.now() - t0).toBeLessThan(1_000)
  await expect(held).rejects.toThrow()
})

test('after-write faults apply the write, then answer late or lose the answer', async () => {
  await withOwnSandbox(async (sb) => {
    const seller = await newSeller(sb)
    const order = await seller.order({ lines: [{ sku: 'AW-1' }, { sku: 'AW-2' }] })
    const accept = (sku: string) => seller.bm(`/ws/orders/${order.order_id}`, { method: 'POST', body: { order_id: order.order_id, new_state: 2, sku } })

    await control(sb, 'PUT', '/faults', { afterWriteLatencyMs: 300 })
    const t0 = performance.now()
    expect((await accept('AW-1')).status).toBe(200)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290)
    expect((await seller.bm('/ws/orders')).status).toBe(200) // reads are not delayed

    await control(sb, 'PUT', '/faults', { afterWriteLatencyMs: 0, lostWriteResponseRate: 1 })
    await expect(accept('AW-2')).rejects.toThrow() // the connection drops: no answer
    await control(sb, 'DELETE', '/faults')
    const after = await json<Order>(await seller.bm(`/ws/orders/${order.order_id}`))
    expect(after.orderlines.map((l) => l.state)).toEqual([2, 2]) // both writes landed
  })
})
