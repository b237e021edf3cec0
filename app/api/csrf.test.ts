// The mutation perimeter (lib/http.ts guardMutation, ADR 0005) on the real routes: another site's
// page can neither sign a merchant in nor act with their session, and a mutation's body is JSON.
// /api/v1 writes carry an API key instead of the cookie: their origin does not matter, their body
// rules still apply (ADR 0009).
import { expect, test } from 'vitest'
import { POST as login } from '@/app/api/auth/login/route'
import { POST as bulkResync } from '@/app/api/syncs/route'
import { db } from '@/lib/db'
import { MAX_JSON_BODY_BYTES } from '@/lib/http/json-body'
import { MUTATING_METHODS } from '@/lib/http/same-origin'
import { callV1, createTestMerchantKey, createTestWarehouseKey } from '@/test/api-v1'
import { fillPath, importHandler, isV1Route, listApiRoutes, v1OperationOf } from '@/test/api-routes'
import { createSignedInMerchant, createTestOrder, routeParams, testRequest } from '@/test/factories'

const EVIL = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }
const uuid = '00000000-0000-4000-8000-000000000000'

test('a cross-site sign-in (text/plain, Origin evil.example) is refused with 403 and sets no cookie', async () => {
  const { user, password } = await createSignedInMerchant()
  const sessionsBefore = await db.session.count({ where: { userId: user.id } })
  const body = JSON.stringify({ email: user.email, password })
  const res = await login(testRequest('/api/auth/login', { method: 'POST', body, headers: { ...EVIL, 'content-type': 'text/plain' } }))
  expect(res.status).toBe(403)
  expect(res.headers.get('set-cookie')).toBeNull()
  expect(await res.json()).toEqual({
    error: {
      code: 'cross_site',
      message: 'This request must come from this site: Origin https://evil.example is not this site.',
      fields: { origin: ['Origin https://evil.example is not this site'] },
    },
  })
  expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore)
})

test('the same sign-in from our own page (Origin, or only Sec-Fetch-Site) is let through', async () => {
  const { user, password } = await createSignedInMerchant()
  for (const headers of [{}, { origin: null }] as Array<Record<string, string | null>>) {
    const res = await login(testRequest('/api/auth/login', { method: 'POST', body: { email: user.email, password }, headers }))
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/^bm_session=/)
  }
})

test('a cross-site bulk re-sync with a valid session cookie is refused with 403 and queues nothing', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const order = await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED' })
  const res = await bulkResync(testRequest('/api/syncs', { method: 'POST', cookie, body: { references: [order.reference] }, headers: EVIL }))
  expect(res.status).toBe(403)
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('cross_site')
  expect(await db.syncTask.count({ where: { merchantId: merchant.id } })).toBe(0)
})

test('a same-origin bulk re-sync with a text/plain body is refused with 415 naming the body', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const order = await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED' })
  const body = JSON.stringify({ references: [order.reference] })
  const res = await bulkResync(testRequest('/api/syncs', { method: 'POST', cookie, body, headers: { 'content-type': 'text/plain;charset=UTF-8' } }))
  expect(res.status).toBe(415)
  expect(await res.json()).toEqual({
    error: {
      code: 'unsupported_media_type',
      message: 'The body must be JSON (Content-Type: application/json), not Content-Type text/plain;charset=UTF-8.',
      fields: { body: ['must be JSON, sent as Content-Type: application/json'] },
    },
  })
  expect(await db.syncTask.count({ where: { merchantId: merchant.id } })).toBe(0)
})

// /api/v1 takes an API key, never the cookie: no same-origin rule there (tested below).
const mutations = listApiRoutes().filter((r) => MUTATING_METHODS.has(r.method) && !isV1Route(r))
const v1Mutations = listApiRoutes().filter((r) => MUTATING_METHODS.has(r.method) && isV1Route(r))

test('there are mutating routes to guard (the listing found them)', () => {
  expect(mutations.map((r) => r.name)).toContain('POST /api/auth/login')
  expect(mutations.length).toBeGreaterThanOrEqual(10)
})

test.each(mutations.map((r) => [r.name, r] as const))('%s refuses another site, a headless caller, a non-JSON and an oversized body', async (_name, route) => {
  const { cookie } = await createSignedInMerchant()
  const handler = await importHandler(route)
  const params = Object.fromEntries(route.params.map((p) => [p, p === 'reference' ? '40300001' : uuid]))
  const call = async (opts: Parameters<typeof testRequest>[1]) => {
    const res = await handler(testRequest(fillPath(route, params), { method: route.method, cookie, ...opts }), routeParams(params))
    return { status: res.status, error: ((await res.json()) as { error: { code: string; fields?: Record<string, string[]> } }).error }
  }
  const crossSite = await call({ body: {}, headers: EVIL })
  expect(crossSite).toMatchObject({ status: 403, error: { code: 'cross_site', fields: { origin: [expect.stringMatching(/evil\.example/)] } } })
  const headless = await call({ headers: { origin: null, 'sec-fetch-site': null } })
  expect(headless).toMatchObject({ status: 403, error: { code: 'cross_site' } })
  const formPost = await call({ body: 'reason=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  expect(formPost).toMatchObject({ status: 415, error: { code: 'unsupported_media_type', fields: { body: expect.any(Array) } } })
  const huge = await call({ body: `{"reason":"${'x'.repeat(MAX_JSON_BODY_BYTES)}"}`, headers: { 'content-length': String(MAX_JSON_BODY_BYTES + 20) } })
  expect(huge).toMatchObject({ status: 413, error: { code: 'payload_too_large', fields: { body: expect.any(Array) } } })
})

test('there are /api/v1 writes, and they are left out of the same-origin rule above', () => {
  expect(v1Mutations.map((r) => r.name)).toContain('POST /api/v1/warehouse/events')
})

test.each(v1Mutations.map((r) => [r.name, r] as const))('%s with a valid key is not refused for its origin, but still 415 for a non-JSON body and 413 past its cap', async (_name, route) => {
  const op = await v1OperationOf(route)
  const handler = await importHandler(route)
  const key = op.scope === 'warehouse:write' ? await createTestWarehouseKey() : await createTestMerchantKey()
  const params = Object.fromEntries(route.params.map((p) => [p, p === 'reference' ? '40300001' : uuid]))
  const path = fillPath(route, params).slice('/api/v1'.length)
  const call = (opts: Parameters<typeof callV1>[2]) => callV1<{ error?: { code: string; fields?: Record<string, string[]> } }>(handler, path, { key: key.secret, method: route.method, params, ...opts })
  // Another site's page, and no browser at all: the same answer as our own page would get.
  for (const headers of [EVIL, { origin: 'null' }, {}] as Array<Record<string, string>>) {
    const res = await call({ body: {}, headers })
    expect(res.body?.error?.code).not.toBe('cross_site')
    expect(res.status).not.toBe(403)
  }
  const formPost = await call({ body: 'reason=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  expect(formPost).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type', fields: { body: expect.any(Array) } } } })
  const cap = op.maxBodyBytes ?? MAX_JSON_BODY_BYTES
  const huge = await call({ body: `{"reason":"${'x'.repeat(cap)}"}`, headers: { 'content-length': String(cap + 20) } })
  expect(huge).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large', fields: { body: [`at most ${cap} bytes`] } } } })
})
