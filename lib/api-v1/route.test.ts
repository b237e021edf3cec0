// v1Route on a test operation: the key, its scope and rate limit, the body rules, the operation's
// schemas and the Idempotency-Key, each answered as the contract says.
import { expect, test } from 'vitest'
import { z } from 'zod'
import { buildOpenApiDocument } from '@/lib/api-v1/openapi'
import { IDEMPOTENCY_LEASE_MS } from '@/lib/api-v1/idempotency'
import { defineOperation } from '@/lib/api-v1/operation'
import { apiRateLimiter } from '@/lib/api-v1/rate-limit'
import { v1Route } from '@/lib/api-v1/route'
import { db } from '@/lib/db'
import { callV1, createTestMerchantKey, createTestWarehouseKey } from '@/test/api-v1'
import { createSignedInMerchant } from '@/test/factories'

const echoOperation = defineOperation({
  operationId: 'testEcho',
  method: 'POST',
  path: '/echo/{reference}',
  summary: 'Echo (test only)',
  tags: ['Test'],
  scope: 'sync:write',
  params: z.object({ reference: z.string().regex(/^\d+$/, 'digits only') }),
  query: z.object({ verbose: z.enum(['yes', 'no']).optional() }),
  body: z.object({ note: z.string().max(50) }),
  responses: {
    201: {
      description: 'Echoed',
      schema: z.object({ merchantId: z.string().nullable(), reference: z.string(), verbose: z.enum(['yes', 'no']).nullable(), note: z.string(), call: z.int() }),
    },
  },
  maxBodyBytes: 200,
  idempotent: true,
})

// Every answer below is also checked against what the OpenAPI generator says of this operation.
const contract = buildOpenApiDocument([echoOperation])

let calls = 0
const POST = v1Route(echoOperation, async ({ principal, params, query, body }) => {
  calls += 1
  return { status: 201, body: { merchantId: principal.merchantId, reference: params.reference, verbose: query.verbose ?? null, note: body.note, call: calls } }
})
const post = (key: string | null, opts: Omit<Parameters<typeof callV1>[2], 'key'> = {}) =>
  callV1<Record<string, unknown>>(POST, '/echo/123', { key, method: 'POST', params: { reference: '123' }, body: { note: 'hi' }, contract, ...opts })

test('a merchant key with the scope gets the handler its principal and parsed input', async () => {
  const key = await createTestMerchantKey({ scopes: ['sync:write'] })
  const res = await callV1<Record<string, unknown>>(POST, '/echo/123?verbose=yes', { key: key.secret, method: 'POST', params: { reference: '123' }, body: { note: 'hi' }, contract })
  expect(res.status).toBe(201)
  expect(res.body).toMatchObject({ merchantId: key.merchantId, reference: '123', verbose: 'yes', note: 'hi' })
})

test('no key, a malformed key, an unknown key and a revoked key are the same 401', async () => {
  const key = await createTestMerchantKey()
  await db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } })
  for (const authorization of [null, 'Bearer junk', `Bearer bmk_live_${'A'.repeat(32)}`, `Bearer ${key.secret}`, key.secret]) {
    const res = await post(null, { headers: authorization === null ? {} : { authorization } })
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="api/v1"')
    expect(res.body).toEqual({
      error: { code: 'unauthorized', message: 'A valid API key is required: send it as Authorization: Bearer <key>.', fields: { authorization: ['missing, unknown or revoked API key'] } },
    })
  }
})

test('a session cookie is no key: a signed-in user without a bearer key gets 401', async () => {
  const { cookie } = await createSignedInMerchant()
  const res = await post(null, { headers: { cookie } })
  expect(res.status).toBe(401)
})

test('a key without the operation scope gets 403 naming the scope', async () => {
  const reader = await createTestMerchantKey({ scopes: ['sync:read'] })
  const warehouse = await createTestWarehouseKey()
  for (const key of [reader.secret, warehouse.secret]) {
    const res = await post(key)
    expect(res.status).toBe(403)
    expect(res.body).toEqual({
      error: { code: 'forbidden', message: 'This API key does not have the scope sync:write, which POST /api/v1/echo/{reference} needs.', fields: { authorization: ['needs scope sync:write'] } },
    })
  }
})

test('a key over its rate limit gets 429 with Retry-After; another key is not held back', async () => {
  const [busy, other] = [await createTestMerchantKey(), await createTestMerchantKey()]
  await apiRateLimiter().block({ keyId: busy.id, kind: 'MERCHANT' }, 30)
  const res = await post(busy.secret)
  expect(res.status).toBe(429)
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(29)
  expect(res.body).toMatchObject({ error: { code: 'rate_limited', details: { limitPerMinute: 120 } } })
  expect((await post(other.secret)).status).toBe(201)
})

test('the body must be JSON (415) and within the operation cap (413), a cross-site Origin does not matter', async () => {
  const key = await createTestMerchantKey()
  const form = await post(key.secret, { body: 'note=hi', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  expect(form).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } })
  const big = await post(key.secret, { body: { note: 'x'.repeat(300) } })
  expect(big).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large', fields: { body: ['at most 200 bytes'] } } } })
  const crossSite = await post(key.secret, { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } })
  expect(crossSite.status).toBe(201)
})

test('params, query and body are parsed with the operation schemas: 400 naming the field', async () => {
  const key = await createTestMerchantKey()
  const badParam = await post(key.secret, { params: { reference: 'abc' } })
  expect(badParam).toMatchObject({ status: 400, body: { error: { code: 'bad_request', fields: { reference: ['digits only'] } } } })
  const badQuery = await callV1(POST, '/echo/123?verbose=maybe', { key: key.secret, method: 'POST', params: { reference: '123' }, body: { note: 'hi' }, contract })
  expect(badQuery).toMatchObject({ status: 400, body: { error: { fields: { verbose: [expect.any(String)] } } } })
  const badBody = await post(key.secret, { body: { note: 5 } })
  expect(badBody).toMatchObject({ status: 400, body: { error: { message: 'Invalid body: note', fields: { note: [expect.any(String)] } } } })
  // A NUL reaches PostgreSQL as an error (a 500) in any text comparison: refused for every route.
  const nul = await post(key.secret, { params: { reference: '12\u00003' } })
  expect(nul).toMatchObject({ status: 400, body: { error: { fields: { reference: ['Must not contain control characters'] } } } })
  const notJson = await post(key.secret, { body: '{"note":' })
  expect(notJson).toMatchObject({ status: 400, body: { error: { fields: { body: ['expected JSON'] } } } })
})

test('the same Idempotency-Key replays the first answer; another body with it is a 409', async () => {
  const key = await createTestMerchantKey()
  const headers = { 'idempotency-key': `k-${key.id}` }
  const first = await post(key.secret, { headers })
  const again = await post(key.secret, { headers })
  expect(first.status).toBe(201)
  expect(again.status).toBe(201)
  expect(again.body).toEqual(first.body)
  expect(again.headers.get('idempotent-replayed')).toBe('true')
  const other = await post(key.secret, { headers, body: { note: 'changed' } })
  expect(other).toMatchObject({ status: 409, body: { error: { code: 'conflict', fields: { 'idempotency-key': ['already used for a different request'] } } } })
  // The key belongs to the API key: another key may use the same value.
  const otherKey = await createTestMerchantKey()
  const fresh = await post(otherKey.secret, { headers })
  expect(fresh.body.call).not.toBe(first.body.call)
})

test('concurrent first uses of one Idempotency-Key run the handler once', async () => {
  const key = await createTestMerchantKey()
  const before = calls
  const headers = { 'idempotency-key': 'concurrent' }
  const answers = await Promise.all(Array.from({ length: 8 }, () => post(key.secret, { headers })))
  expect(calls - before).toBe(1)
  for (const a of answers) expect([201, 409]).toContain(a.status)
  expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1)
})

test('a failed request releases its Idempotency-Key, so the retry runs', async () => {
  const key = await createTestMerchantKey()
  const headers = { 'idempotency-key': 'retry-me' }
  const failing = v1Route(echoOperation, async () => {
    throw new Error('boom')
  })
  const res = await callV1(failing, '/echo/123', { key: key.secret, method: 'POST', params: { reference: '123' }, body: { note: 'hi' }, headers, contract })
  expect(res.status).toBe(500)
  expect((await post(key.secret, { headers })).status).toBe(201)
})

test('a key left in flight by a crash answers 409 during its lease, then a retry re-claims it and runs once', async () => {
  const key = await createTestMerchantKey()
  const headers = { 'idempotency-key': 'crashed' }
  const first = await post(key.secret, { headers })
  // As if the process had died between the handler's commit and storing its answer.
  await db.apiIdempotencyKey.updateMany({ where: { apiKeyId: key.id }, data: { status: 0, response: {} } })
  expect(await post(key.secret, { headers })).toMatchObject({ status: 409, body: { error: { fields: { 'idempotency-key': ['first request still in progress'] } } } })

  await db.apiIdempotencyKey.updateMany({ where: { apiKeyId: key.id }, data: { createdAt: new Date(Date.now() - IDEMPOTENCY_LEASE_MS - 1000) } })
  const before = calls
  const retries = await Promise.all(Array.from({ length: 4 }, () => post(key.secret, { headers })))
  expect(calls - before).toBe(1)
  const ran = retries.find((r) => r.status === 201 && r.headers.get('idempotent-replayed') === null)
  expect(ran?.body.call).not.toBe(first.body.call)
  for (const r of retries) expect([201, 409]).toContain(r.status)
  expect((await post(key.secret, { headers })).body).toEqual(ran?.body)
})

test('a request whose answer could not be stored keeps its key claimed: the work is done, a retry must not run it at once', async () => {
  const key = await createTestMerchantKey()
  const headers = { 'idempotency-key': 'unstorable' }
  // A status past int4: the handler returns, storing its answer then fails.
  const unstorable = v1Route(echoOperation, async () => ({ status: 2 ** 31, body: {} }) as never)
  const res = await callV1(unstorable, '/echo/123', { key: key.secret, method: 'POST', params: { reference: '123' }, body: { note: 'hi' }, headers, contract })
  expect(res.status).toBe(500)
  expect(await db.apiIdempotencyKey.findMany({ where: { apiKeyId: key.id }, select: { status: true } })).toEqual([{ status: 0 }])
  expect((await post(key.secret, { headers })).status).toBe(409)
})

test('last use is recorded, at most once a minute', async () => {
  const key = await createTestMerchantKey()
  await post(key.secret)
  const first = (await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt
  expect(first).not.toBeNull()
  await post(key.secret)
  expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(first)
})

test('an Idempotency-Key is remembered for 24 hours: after that the same key runs the request again, and the expired ones are cleared', async () => {
  const key = await createTestMerchantKey()
  const headers = { 'idempotency-key': 'daily-run' }
  const first = await post(key.secret, { headers })
  await post(key.secret, { headers: { 'idempotency-key': 'yesterday-once' } })
  await db.apiIdempotencyKey.updateMany({ where: { apiKeyId: key.id }, data: { createdAt: new Date(Date.now() - 25 * 3600_000) } })
  const later = await post(key.secret, { headers, body: { note: 'another day' } })
  expect(later.status).toBe(201)
  expect(later.body.call).not.toBe(first.body.call)
  expect(await db.apiIdempotencyKey.count({ where: { apiKeyId: key.id } })).toBe(1)
})

test('an Idempotency-Key that is not 1-255 visible ASCII characters is a 400 naming the header', async () => {
  const key = await createTestMerchantKey()
  for (const value of ['k'.repeat(256), 'é', 'a b']) {
    const res = await post(key.secret, { headers: { 'idempotency-key': value } })
    expect(res).toMatchObject({ status: 400, body: { error: { fields: { 'idempotency-key': ['1 to 255 visible ASCII characters'] } } } })
  }
})
