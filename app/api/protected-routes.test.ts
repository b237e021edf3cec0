// Every route but login, health and the published API contract needs credentials, checked before
// any input is looked at: the dashboard's routes a session (no cookie, a junk cookie and an
// expired session all get the same 401 JSON), /api/v1 an API key of the operation's scope (no
// key, a junk, unknown or revoked key, and a session cookie alone get the same 401; a key without
// the scope a 403). Both lists come from the route files, so a route added later is covered.
import { expect, test } from 'vitest'
import { GET as health } from '@/app/api/health/route'
import { GET as openApi } from '@/app/api/v1/openapi.json/route'
import { hashSessionToken } from '@/lib/auth/session-token'
import { db } from '@/lib/db'
import { callV1, createTestMerchantKey, createTestWarehouseKey } from '@/test/api-v1'
import { fillPath, importHandler, isV1Route, listApiRoutes, PUBLIC_V1_ROUTES, v1OperationOf, type ApiRoute } from '@/test/api-routes'
import { createSignedInMerchant, createTestOrder, routeParams, testRequest } from '@/test/factories'

const reference = '40300001'
const uuid = '00000000-0000-4000-8000-000000000000'
const PUBLIC_ROUTES = ['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/invitations/accept', 'POST /api/auth/password-reset', ...PUBLIC_V1_ROUTES]

const routes = listApiRoutes().filter((r) => !PUBLIC_ROUTES.includes(r.name))
const sessionRoutes = routes.filter((r) => !isV1Route(r))
const v1Routes = routes.filter(isV1Route)
const paramsOf = (route: ApiRoute) => Object.fromEntries(route.params.map((p) => [p, p === 'reference' ? reference : uuid]))
const asCase = (r: ApiRoute) => [r.name, r] as const

test('the listing finds the dashboard routes and the /api/v1 routes', () => {
  expect(sessionRoutes.map((r) => r.name)).toEqual(expect.arrayContaining(['GET /api/orders', 'POST /api/auth/logout', 'POST /api/api-keys', 'DELETE /api/api-keys/[id]']))
  expect(v1Routes.map((r) => r.name)).toEqual(expect.arrayContaining(['GET /api/v1/orders']))
  for (const name of PUBLIC_ROUTES) expect(listApiRoutes().map((r) => r.name)).toContain(name)
})

test.each(sessionRoutes.map(asCase))('%s answers 401 without a valid session, before looking at its input', async (_name, route) => {
  const { merchant, cookie, token } = await createSignedInMerchant()
  await createTestOrder({ merchantId: merchant.id, reference })
  await db.session.update({ where: { id: hashSessionToken(token) }, data: { expiresAt: new Date(Date.now() - 1) } })
  const handler = await importHandler(route)
  const params = paramsOf(route)
  const mutation = route.method !== 'GET'
  for (const c of [undefined, 'bm_session=junk', `bm_session=${'A'.repeat(43)}`, cookie]) {
    const req = testRequest(`${fillPath(route, params)}?q=bad!&page=-1`, { method: route.method, cookie: c, body: mutation ? { version: -1, ids: 'bad' } : undefined })
    const res = await handler(req, routeParams(params))
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'Please sign in.' } })
  }
})

const NO_KEY = {
  error: { code: 'unauthorized', message: 'A valid API key is required: send it as Authorization: Bearer <key>.', fields: { authorization: ['missing, unknown or revoked API key'] } },
}

test.each(v1Routes.map(asCase))('%s answers 401 without a valid API key, and 403 to a key without its scope', async (_name, route) => {
  const op = await v1OperationOf(route)
  const handler = await importHandler(route)
  const { merchant, cookie } = await createSignedInMerchant()
  const warehouse = await createTestWarehouseKey()
  const merchantKey = await createTestMerchantKey({ merchantId: merchant.id })
  const revoked = op.scope === 'warehouse:write' ? await createTestWarehouseKey() : await createTestMerchantKey({ merchantId: merchant.id })
  await db.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } })
  const params = paramsOf(route)
  const call = (headers: Record<string, string>, key: string | null = null) =>
    callV1(handler, `${fillPath(route, params).slice('/api/v1'.length)}?q=bad!`, { key, method: route.method, params, headers, body: route.method === 'GET' ? undefined : {} })

  for (const authorization of ['', 'Bearer junk', `Bearer bmk_live_${'0'.repeat(32)}`, `Bearer bmk_wh_${'0'.repeat(32)}`, `Bearer ${revoked.secret}`, `Basic ${merchantKey.secret}`]) {
    expect(await call(authorization ? { authorization } : {})).toMatchObject({ status: 401, body: NO_KEY })
  }
  // The dashboard's session is no key here.
  expect(await call({ cookie })).toMatchObject({ status: 401, body: NO_KEY })

  // sync:write includes sync:read (lib/api-v1/principal.ts): a merchant key lacks its route's scope
  // only when the route needs sync:write and the key was given sync:read alone.
  const readOnly = op.scope === 'sync:write' ? [(await createTestMerchantKey({ merchantId: merchant.id, scopes: ['sync:read'] })).secret] : []
  const unscoped = op.scope === 'warehouse:write' ? [merchantKey.secret] : [warehouse.secret, ...readOnly]
  for (const key of unscoped) {
    expect(await call({}, key)).toMatchObject({ status: 403, body: { error: { code: 'forbidden', fields: { authorization: [`needs scope ${op.scope}`] } } } })
  }
})

test('the health route and the OpenAPI document are public', async () => {
  const res = await health()
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ ok: true })
  expect(openApi(new Request('http://localhost:3000/api/v1/openapi.json')).status).toBe(200)
})
