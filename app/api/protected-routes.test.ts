// Every route but login and health needs a session: no cookie, a junk cookie and an expired
// session all get the same 401 JSON, before any input is looked at.
import { expect, test } from 'vitest'
import { GET as connectionIssues } from '@/app/api/connection-issues/route'
import { GET as addressErrors } from '@/app/api/errors/route'
import { GET as health } from '@/app/api/health/route'
import { PATCH as updateAddress } from '@/app/api/orders/[reference]/address/route'
import { DELETE as deleteSkuMapping } from '@/app/api/sku-mappings/[id]/route'
import { POST as previewSkuMapping } from '@/app/api/sku-mappings/preview/route'
import { GET as skuMappings, POST as createSkuMapping } from '@/app/api/sku-mappings/route'
import { GET as skuMismatch } from '@/app/api/sku-mismatch/route'
import { GET as syncAttempt } from '@/app/api/sync-attempts/[id]/route'
import { POST as bulkDismiss } from '@/app/api/sync-issues/dismiss/route'
import { POST as logout } from '@/app/api/auth/logout/route'
import { GET as backMarket } from '@/app/api/orders/[reference]/backmarket/route'
import { GET as order } from '@/app/api/orders/[reference]/route'
import { GET as orders } from '@/app/api/orders/route'
import { POST as resync } from '@/app/api/orders/[reference]/sync/route'
import { POST as checkIssue } from '@/app/api/sync-issues/[id]/check/route'
import { POST as dismissIssue } from '@/app/api/sync-issues/[id]/dismiss/route'
import { GET as syncStatus } from '@/app/api/syncs/[id]/route'
import { POST as bulkResync } from '@/app/api/syncs/route'
import { hashSessionToken } from '@/lib/auth/session-token'
import { db } from '@/lib/db'
import { listApiRoutes } from '@/test/api-routes'
import { createSignedInMerchant, createTestOrder, routeParams, testRequest } from '@/test/factories'

const reference = '40300001'
const uuid = '00000000-0000-4000-8000-000000000000'
const protectedRoutes: Array<[string, (cookie?: string) => Promise<Response>]> = [
  ['GET /api/orders', (cookie) => orders(testRequest('/api/orders?q=bad!', { cookie }))],
  ['GET /api/orders/[reference]', (cookie) => order(testRequest(`/api/orders/${reference}`, { cookie }), routeParams({ reference }))],
  [
    'GET /api/orders/[reference]/backmarket',
    (cookie) => backMarket(testRequest(`/api/orders/${reference}/backmarket`, { cookie }), routeParams({ reference })),
  ],
  ['POST /api/orders/[reference]/sync', (cookie) => resync(testRequest(`/api/orders/${reference}/sync`, { method: 'POST', cookie }), routeParams({ reference }))],
  ['GET /api/syncs/[id]', (cookie) => syncStatus(testRequest(`/api/syncs/${uuid}`, { cookie }), routeParams({ id: uuid }))],
  ['POST /api/syncs', (cookie) => bulkResync(testRequest('/api/syncs', { method: 'POST', cookie, body: { references: [reference] } }))],
  ['POST /api/sync-issues/[id]/dismiss', (cookie) => dismissIssue(testRequest(`/api/sync-issues/${uuid}/dismiss`, { method: 'POST', cookie, body: { reason: 'fixed' } }), routeParams({ id: uuid }))],
  ['POST /api/sync-issues/[id]/check', (cookie) => checkIssue(testRequest(`/api/sync-issues/${uuid}/check`, { method: 'POST', cookie }), routeParams({ id: uuid }))],
  ['GET /api/connection-issues', (cookie) => connectionIssues(testRequest('/api/connection-issues', { cookie }))],
  ['GET /api/errors', (cookie) => addressErrors(testRequest('/api/errors?q=bad!', { cookie }))],
  [
    'PATCH /api/orders/[reference]/address',
    (cookie) => updateAddress(testRequest(`/api/orders/${reference}/address`, { method: 'PATCH', cookie, body: { version: -1 } }), routeParams({ reference })),
  ],
  ['GET /api/sku-mismatch', (cookie) => skuMismatch(testRequest('/api/sku-mismatch?issue=bad', { cookie }))],
  ['GET /api/sku-mappings', (cookie) => skuMappings(testRequest('/api/sku-mappings', { cookie }))],
  ['POST /api/sku-mappings', (cookie) => createSkuMapping(testRequest('/api/sku-mappings', { method: 'POST', cookie, body: { ourSku: '' } }))],
  ['POST /api/sku-mappings/preview', (cookie) => previewSkuMapping(testRequest('/api/sku-mappings/preview', { method: 'POST', cookie, body: {} }))],
  ['DELETE /api/sku-mappings/[id]', (cookie) => deleteSkuMapping(testRequest(`/api/sku-mappings/${uuid}`, { method: 'DELETE', cookie }), routeParams({ id: uuid }))],
  ['GET /api/sync-attempts/[id]', (cookie) => syncAttempt(testRequest('/api/sync-attempts/not-a-uuid', { cookie }), routeParams({ id: 'not-a-uuid' }))],
  ['POST /api/sync-issues/dismiss', (cookie) => bulkDismiss(testRequest('/api/sync-issues/dismiss', { method: 'POST', cookie, body: { ids: 'bad' } }))],
  ['POST /api/auth/logout', (cookie) => logout(testRequest('/api/auth/logout', { method: 'POST', cookie }))],
]

test.each(protectedRoutes)('%s answers 401 without a valid session', async (_name, call) => {
  const { merchant, cookie, token } = await createSignedInMerchant()
  await createTestOrder({ merchantId: merchant.id, reference })
  await db.session.update({ where: { id: hashSessionToken(token) }, data: { expiresAt: new Date(Date.now() - 1) } })

  for (const c of [undefined, 'bm_session=junk', `bm_session=${'A'.repeat(43)}`, cookie]) {
    const res = await call(c)
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'Please sign in.' } })
  }
})

test('every API route and method is in the list above (a new one must be added)', () => {
  const found = listApiRoutes().map((r) => r.name)
  const listed = [...protectedRoutes.map(([name]) => name), 'GET /api/health', 'POST /api/auth/login']
  expect(found.sort()).toEqual(listed.sort())
})

test('the health route is public', async () => {
  const res = await health()
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ ok: true })
})
