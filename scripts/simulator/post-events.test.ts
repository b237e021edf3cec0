import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, onTestFinished, test } from 'vitest'
import type { WarehouseEventInput } from '@/lib/warehouse-events/event-schema'
import { EventsApiError, parseRetryAfter, postEvents } from './post-events'

type Reply = (res: http.ServerResponse, req: http.IncomingMessage) => void

/** A stand-in for the app on loopback answering each request with the next reply; records what it got. */
async function fakeApi(replies: Reply[]) {
  const received: { at: number; auth: string | undefined; body: string }[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      received.push({ at: Date.now(), auth: req.headers.authorization, body })
      replies[Math.min(received.length - 1, replies.length - 1)]!(res, req)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/warehouse/events`, received }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => (res) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}
const dropConnection: Reply = (_res, req) => req.socket.destroy()

const EVENT: WarehouseEventInput = {
  id: 'sim-stock-1',
  type: 'stock.level',
  merchantId: '5b0c1b8e-8d8a-4a52-9d9e-3d1e0c7f0a11',
  occurredAt: '2026-12-06T09:30:00.000Z',
  data: { sku: 'PIXEL-7', quantity: 4 },
}
const ACCEPTED = { results: [{ id: EVENT.id, result: 'accepted', state: 'pending' }] }

test('a 503, a dropped connection and a 429 are retried with the same body, honouring Retry-After', async () => {
  const api = await fakeApi([json(503, { error: { code: 'internal' } }), dropConnection, json(429, { error: { code: 'rate_limited' } }, { 'retry-after': '1' }), json(202, ACCEPTED)])
  const retries: string[] = []

  const results = await postEvents({ url: api.url, key: 'bmk_wh_test' }, [EVENT], { baseDelayMs: 10, onRetry: (why) => retries.push(why) })

  expect(results).toEqual(ACCEPTED.results)
  expect(api.received).toHaveLength(4)
  expect(new Set(api.received.map((r) => r.body))).toEqual(new Set([JSON.stringify({ events: [EVENT] })]))
  expect(api.received.every((r) => r.auth === 'Bearer bmk_wh_test')).toBe(true)
  expect(retries[0]).toBe('HTTP 503')
  expect(retries[2]).toBe('HTTP 429')
  expect(api.received[3]!.at - api.received[2]!.at).toBeGreaterThanOrEqual(1000)
})

test('a batch refused whole (400) still gives one result per event; a 401 is not retried', async () => {
  const refused = { results: [{ id: EVENT.id, result: 'rejected', error: { code: 'bad_request', message: 'merchant unknown' } }] }
  const api = await fakeApi([json(400, { error: { code: 'bad_request', details: refused } })])
  expect(await postEvents({ url: api.url, key: 'k' }, [EVENT], { baseDelayMs: 10 })).toEqual(refused.results)

  const unauthorized = await fakeApi([json(401, { error: { code: 'unauthorized' } })])
  await expect(postEvents({ url: unauthorized.url, key: 'k' }, [EVENT], { baseDelayMs: 10 })).rejects.toBeInstanceOf(EventsApiError)
  expect(unauthorized.received).toHaveLength(1)
})

test('gives up after the attempts allowed', async () => {
  const api = await fakeApi([json(500, {})])

  await expect(postEvents({ url: api.url, key: 'k' }, [EVENT], { attempts: 3, baseDelayMs: 5 })).rejects.toThrow(/after 3 attempts \(HTTP 500\)/)
  expect(api.received).toHaveLength(3)
})

test('Retry-After in seconds or as a date', () => {
  const now = Date.parse('2026-12-06T09:30:00Z')
  expect(parseRetryAfter('7', now)).toBe(7000)
  expect(parseRetryAfter('Sun, 06 Dec 2026 09:30:05 GMT', now)).toBe(5000)
  expect(parseRetryAfter('soon', now)).toBeNull()
  expect(parseRetryAfter(null, now)).toBeNull()
})
