// The Back Market connection routes as the settings page uses them: admins only (staff acting
// too), each merchant's own connection only, a failing token never saved (422 with the checks),
// the token never in an answer, every change audited.
import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { decryptToken } from '@/lib/crypto/token-cipher'
import { db } from '@/lib/db'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import { auditOf } from '@/test/bm-connection-fixtures'
import { createSignedInStaff, createTestUser, testRequest } from '@/test/factories'
import { DELETE, GET, PATCH, PUT } from './route'
import { POST as TEST } from './test/route'

const { control, newMerchant } = await startBackMarketSandbox()

const PATH = '/api/backmarket-connection'
const call = (handler: (req: Request) => Promise<Response>, cookie: string, method = 'GET', body?: unknown) => handler(testRequest(PATH, { cookie, method, body }))

async function adminOf(prefix: string) {
  const { merchant, token } = await newMerchant(prefix)
  const { cookie, user } = await createTestUser({ merchantId: merchant.id, role: 'ADMIN' })
  return { merchant, token, cookie, user }
}

test('an admin reads the connection and import health: the token’s ending, never the token', async () => {
  const { merchant, token, cookie } = await adminOf('get')
  await db.merchant.update({ where: { id: merchant.id }, data: { bmTokenHint: token.slice(-4) } })
  const res = await call(GET, cookie)
  expect(res.status).toBe(200)
  const text = await res.text()
  expect(text).not.toContain(token)
  expect(JSON.parse(text)).toMatchObject({ status: { state: 'connected', tokenEnding: token.slice(-4), markets: ['fr-fr'], imports: { totalOrders: 0, lastRun: null } } })
})

test('Test connection: the typed token’s checks (a wrong one says 401), or the saved one’s', async () => {
  const { cookie } = await adminOf('test')
  const wrong = await (await call(TEST, cookie, 'POST', { token: 'wrong-token-abcdef', markets: ['fr-fr'] })).json()
  expect(wrong.test).toMatchObject({ ok: false, checks: [{ name: 'token', status: 'failed', failure: { status: 401 } }, { name: 'userAgent' }, { name: 'orders' }, { name: 'listings' }] })
  expect(JSON.stringify(wrong)).not.toContain('wrong-token-abcdef')
  const saved = await (await call(TEST, cookie, 'POST', {})).json()
  expect(saved.test.ok).toBe(true)
})

test('Save and connect: a failing token is a 422 with its checks and changes nothing; a passing one is saved and audited', async () => {
  const { merchant, token, cookie, user } = await adminOf('put')
  const refused = await call(PUT, cookie, 'PUT', { token: 'wrong-token-abcdef', markets: ['fr-fr'] })
  expect(refused.status).toBe(422)
  expect((await refused.json()).error).toMatchObject({ code: 'unprocessable', fields: { token: [expect.any(String)] }, details: { test: { ok: false } } })
  const kept = await db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })
  expect(decryptToken(kept.bmTokenEncrypted!, { merchantId: merchant.id })).toBe(token)

  const fresh = `fresh-${randomUUID()}`
  await control.createAccount(fresh)
  const res = await call(PUT, cookie, 'PUT', { token: `Basic ${fresh}`, markets: ['es-es'] })
  expect(res.status).toBe(200)
  const body = await res.text()
  expect(body).not.toContain(fresh)
  expect(JSON.parse(body)).toMatchObject({ test: { ok: true }, status: { state: 'connected', tokenEnding: fresh.slice(-4), markets: ['es-es'] } })
  const [audit] = await auditOf(merchant.id, 'backmarket.token_saved')
  expect(audit).toMatchObject({ actorKind: 'USER', actorId: user.id, after: { ending: fresh.slice(-4), markets: ['es-es'] } })
})

test('bad input is a 400 naming the field', async () => {
  const { cookie } = await adminOf('bad')
  const markets = await call(PATCH, cookie, 'PATCH', { markets: ['fr-fr', 'en-us'] })
  expect(markets.status).toBe(400)
  expect((await markets.json()).error.fields).toHaveProperty('markets')
  const token = await call(PUT, cookie, 'PUT', { token: 'has spaces inside', markets: ['fr-fr'] })
  expect(token.status).toBe(400)
  expect((await token.json()).error.fields).toHaveProperty('token')
})

test('markets alone, then disconnect (a second one is a 409): each audited', async () => {
  const { merchant, cookie } = await adminOf('patch')
  const patched = await call(PATCH, cookie, 'PATCH', { markets: ['it-it', 'fr-fr'] })
  expect((await patched.json()).status.markets).toEqual(['it-it', 'fr-fr'])
  expect(await auditOf(merchant.id, 'merchant.settings_updated')).toMatchObject([{ before: { markets: ['fr-fr'] }, after: { markets: ['it-it', 'fr-fr'] } }])

  const gone = await call(DELETE, cookie, 'DELETE')
  expect(gone.status).toBe(200)
  expect((await gone.json()).status).toMatchObject({ state: 'not_connected', tokenEnding: null, markets: ['it-it', 'fr-fr'] })
  expect((await call(DELETE, cookie, 'DELETE')).status).toBe(409)
  expect(await auditOf(merchant.id, 'backmarket.disconnected')).toHaveLength(1)
})

test('operators, viewers and read-only staff get 403 on every route; staff acting may; another merchant’s admin changes only their own', async () => {
  const a = await adminOf('roles')
  const other = await adminOf('other')
  for (const role of ['VIEWER', 'OPERATOR'] as const) {
    const { cookie } = await createTestUser({ merchantId: a.merchant.id, role })
    for (const [handler, method] of [[GET, 'GET'], [PUT, 'PUT'], [PATCH, 'PATCH'], [DELETE, 'DELETE'], [TEST, 'POST']] as const) {
      const res = await call(handler, cookie, method, method === 'GET' || method === 'DELETE' ? undefined : { markets: ['fr-fr'] })
      expect([role, method, res.status]).toEqual([role, method, 403])
    }
  }
  const readOnly = await createSignedInStaff({ open: a.merchant.id })
  expect((await call(DELETE, readOnly.cookie, 'DELETE')).status).toBe(403)
  const acting = await createSignedInStaff({ open: a.merchant.id, acting: true })
  expect((await call(PATCH, acting.cookie, 'PATCH', { markets: ['de-de'] })).status).toBe(200)
  expect(await auditOf(a.merchant.id, 'merchant.settings_updated')).toMatchObject([{ actorKind: 'STAFF', actorId: acting.user.id }])

  expect((await call(DELETE, other.cookie, 'DELETE')).status).toBe(200)
  expect((await db.merchant.findUniqueOrThrow({ where: { id: a.merchant.id } })).bmTokenEncrypted).not.toBeNull()
  const seen = await (await call(GET, other.cookie)).json()
  expect(seen.status).toMatchObject({ state: 'not_connected', markets: ['fr-fr'] })
})
