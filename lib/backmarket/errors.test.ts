import { expect, test } from 'vitest'
import { exampleErrors } from './example-payloads'
import { BackMarketError, classifyResponse, isTransient } from './errors'

const NOW = Date.parse('2026-03-22T12:00:00Z')
const json = { 'content-type': 'application/json' }
const html = (extra: Record<string, string> = {}) =>
  new Headers({ 'content-type': 'text/html; charset=UTF-8', server: 'cloudflare', 'cf-ray': '931354450813d142-CDG', ...extra })

test('404 is not_found and keeps Back Market’s message, target, request id, status and body', () => {
  const err = classifyResponse(404, exampleErrors.unknownSku, json)
  expect(err).toBeInstanceOf(BackMarketError)
  expect(err).toMatchObject({
    kind: 'not_found',
    message: "The listing doesn't exist",
    status: 404,
    bmCode: 'not-found',
    target: 'sku',
    requestId: 'b3c2',
    html: false,
  })
  expect(err.body).toEqual(exampleErrors.unknownSku)
})

test('400 invalid-state-transition is invalid_transition and keeps its data', () => {
  const err = classifyResponse(400, exampleErrors.invalidTransition, json)
  expect(err.kind).toBe('invalid_transition')
  expect(err.data).toEqual({ current_state: 1, requested_state: 3 })
  expect(err.target).toBe('new_state')
})

test('any other 400, 422 or 4xx is validation', () => {
  expect(classifyResponse(400, exampleErrors.missingTracking, json)).toMatchObject({
    kind: 'validation',
    target: 'tracking_number',
    message: 'tracking_number is required when new_state is 3',
  })
  expect(classifyResponse(422, { error: { code: 'E009', message: 'Validation error' } }, json).kind).toBe('validation')
  expect(classifyResponse(405, null, {}).kind).toBe('validation')
  expect(classifyResponse(409, null, {}).kind).toBe('validation')
})

test('a listing-update 400 is a bare JSON string: it becomes the message', () => {
  const err = classifyResponse(400, 'parameter catalog not found', json)
  expect(err).toMatchObject({ kind: 'validation', message: 'parameter catalog not found', body: 'parameter catalog not found' })
})

test('401 is unauthorized and 403 forbidden, whatever the body', () => {
  expect(classifyResponse(401, { error: { code: 'unauthorized', message: 'Invalid token' } }, json)).toMatchObject({
    kind: 'unauthorized',
    message: 'Invalid token',
  })
  expect(classifyResponse(401, null, {})).toMatchObject({ kind: 'unauthorized', message: expect.stringContaining('401') })
  expect(classifyResponse(403, { error: { code: 'forbidden', message: 'Ingestion channel disabled' } }, json).kind).toBe('forbidden')
})

test('403 from the WAF: the bot-challenge JSON (ErrorResponseV2) and the Cloudflare HTML page', () => {
  expect(classifyResponse(403, exampleErrors.botChallenge, json)).toMatchObject({
    kind: 'forbidden',
    bmCode: 'bot-need-challenge',
    message: 'Forbidden',
    html: false,
  })
  const err = classifyResponse(403, exampleErrors.cloudflareHtml, html())
  expect(err).toMatchObject({ kind: 'forbidden', html: true, requestId: '931354450813d142-CDG', body: exampleErrors.cloudflareHtml })
  expect(err.message).toContain('cf-ray 931354450813d142-CDG')
})

test('an HTML body is recognised even without a content type', () => {
  const err = classifyResponse(403, '<html><body>Access denied</body></html>', {})
  expect(err.html).toBe(true)
  expect(err.message).not.toContain('<html>')
})

test('429 is rate_limited with the Retry-After delay, JSON or HTML', () => {
  expect(classifyResponse(429, exampleErrors.rateLimited, { ...json, 'Retry-After': '7' }, NOW)).toMatchObject({
    kind: 'rate_limited',
    message: 'Too many requests',
    retryAfterMs: 7000,
  })
  expect(classifyResponse(429, exampleErrors.cloudflareHtml, html({ 'retry-after': 'Sun, 22 Mar 2026 12:00:10 GMT' }), NOW)).toMatchObject({
    kind: 'rate_limited',
    html: true,
    retryAfterMs: 10_000,
  })
  expect(classifyResponse(429, exampleErrors.rateLimited, json, NOW).retryAfterMs).toBeUndefined()
})

test('5xx is server, including Cloudflare’s HTML 502 and an empty body', () => {
  expect(classifyResponse(500, { error: { code: 'internal', message: 'Internal error' } }, json)).toMatchObject({ kind: 'server', status: 500 })
  expect(classifyResponse(502, exampleErrors.cloudflareHtml, html())).toMatchObject({ kind: 'server', html: true })
  expect(classifyResponse(503, null, {})).toMatchObject({ kind: 'server', body: null, message: expect.stringContaining('503') })
})

test('408 is a timeout; a 3xx that reached us is bad_response', () => {
  expect(classifyResponse(408, null, {}).kind).toBe('timeout')
  expect(classifyResponse(302, null, {}).kind).toBe('bad_response')
})

test('RFC 7807 problem bodies give their detail as the message', () => {
  const err = classifyResponse(401, { type: '/errors/authorization-failed', title: 'Unauthorized', detail: 'Token expired' }, json)
  expect(err).toMatchObject({ kind: 'unauthorized', message: 'Token expired', bmCode: '/errors/authorization-failed' })
})

test('an unrecognised JSON body is kept as received, with a generic message', () => {
  const body = { detail: 'something', weird: [1, 2] }
  const err = classifyResponse(404, body, json)
  expect(err).toMatchObject({ kind: 'not_found', body, bmCode: undefined })
  expect(err.message).toContain('404')
})

test('the request id falls back to x-request-id when the body has none', () => {
  expect(classifyResponse(500, null, { 'X-Request-Id': 'abc' }).requestId).toBe('abc')
})

test('isTransient: 5xx, 429, timeout and network may succeed later; 4xx and bad responses will not', () => {
  const transient = ['server', 'rate_limited', 'timeout', 'network'] as const
  const permanent = ['not_found', 'invalid_transition', 'validation', 'unauthorized', 'forbidden', 'bad_response'] as const
  for (const kind of transient) expect(isTransient(new BackMarketError(kind, kind)), kind).toBe(true)
  for (const kind of permanent) expect(isTransient(new BackMarketError(kind, kind)), kind).toBe(false)
  expect(isTransient(classifyResponse(503, null, {}))).toBe(true)
  expect(isTransient(classifyResponse(429, null, {}))).toBe(true)
  expect(isTransient(classifyResponse(404, null, {}))).toBe(false)
  expect(isTransient(new Error('boom'))).toBe(false)
  expect(isTransient('nope')).toBe(false)
})

test('BackMarketError keeps its cause', () => {
  const cause = new TypeError('fetch failed')
  const err = new BackMarketError('network', 'Could not reach Back Market', { cause })
  expect(err.cause).toBe(cause)
  expect(err.name).toBe('BackMarketError')
  expect(err.body).toBeNull()
})

test('a NUL or a lone surrogate in Back Market’s answer becomes U+FFFD: PostgreSQL could not store it', () => {
  const err = classifyResponse(401, { error: { code: 'unauthorized', message: 'bad\u0000token\uD800' } }, json)
  expect(err.message).toBe('bad\uFFFDtoken\uFFFD')
  expect(JSON.stringify(err.body)).not.toContain('\\u0000')
  expect(classifyResponse(400, 'oops\u0000', {}).message).toBe('oops\uFFFD')
})
