// The dashboard's API key routes: a session, the body checked field by field, the secret in the
// create answer only, and another merchant's key simply not there.
import { expect, test } from 'vitest'
import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key'
import { createSignedInMerchant, routeParams, testRequest } from '@/test/factories'
import { DELETE } from './[id]/route'
import { GET, POST } from './route'

type Key = { id: string; name: string; prefix: string; scopes: string[]; secret?: string; revokedAt?: string | null }

const create = (body: unknown, cookie?: string) => POST(testRequest('/api/api-keys', { method: 'POST', cookie, body }))
const list = async (cookie: string) => ((await (await GET(testRequest('/api/api-keys', { cookie }))).json()) as { keys: Key[] }).keys
const revoke = (id: string, cookie?: string) => DELETE(testRequest(`/api/api-keys/${id}`, { method: 'DELETE', cookie }), routeParams({ id }))

test('401 without a session on every route', async () => {
  const uuid = '00000000-0000-4000-8000-000000000000'
  for (const res of [await GET(testRequest('/api/api-keys')), await create({ name: 'x', scopes: ['sync:read'] }), await revoke(uuid)]) {
    expect(res.status).toBe(401)
  }
})

test('create answers 201 with the secret once, uncached; the list never shows it', async () => {
  const { cookie } = await createSignedInMerchant()
  const res = await create({ name: 'ERP', scopes: ['sync:read'] }, cookie)
  expect(res.status).toBe(201)
  expect(res.headers.get('cache-control')).toBe('no-store')
  const { key } = (await res.json()) as { key: Key }
  expect(key.secret).toMatch(/^bmk_live_/)
  const listed = await list(cookie)
  expect(listed).toEqual([expect.objectContaining({ id: key.id, name: 'ERP', prefix: key.prefix, scopes: ['sync:read'] })])
  expect(JSON.stringify(listed)).not.toContain(key.secret)
})

test('400 naming the field: no name, a control character, no scope, an unknown scope, not JSON', async () => {
  const { cookie } = await createSignedInMerchant()
  const cases: Array<[unknown, string]> = [
    [{ scopes: ['sync:read'] }, 'name'],
    [{ name: 'a\u0000b', scopes: ['sync:read'] }, 'name'],
    [{ name: 'x'.repeat(101), scopes: ['sync:read'] }, 'name'],
    [{ name: 'x', scopes: [] }, 'scopes'],
    [{ name: 'x', scopes: ['warehouse:write'] }, 'scopes.0'],
    ['{not json', 'body'],
  ]
  for (const [body, field] of cases) {
    const res = await create(body, cookie)
    expect(res.status, JSON.stringify(body)).toBe(400)
    expect(((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields, JSON.stringify(body)).toHaveProperty([field])
  }
  expect(await list(cookie)).toEqual([])
})

test('revoke: the key stops working at once; another merchant and a junk id get 404', async () => {
  const mine = await createSignedInMerchant()
  const theirs = await createSignedInMerchant()
  const { key } = (await (await create({ name: 'K', scopes: ['sync:write'] }, mine.cookie)).json()) as { key: Key & { secret: string } }
  expect((await revoke(key.id, theirs.cookie)).status).toBe(404)
  expect((await revoke('not-a-uuid', mine.cookie)).status).toBe(404)
  await expect(authenticateApiKey(`Bearer ${key.secret}`)).resolves.toMatchObject({ keyId: key.id })

  const res = await revoke(key.id, mine.cookie)
  expect(res.status).toBe(200)
  await expect(authenticateApiKey(`Bearer ${key.secret}`)).rejects.toMatchObject({ code: 'unauthorized' })
  expect((await list(mine.cookie))[0]?.revokedAt).toEqual(expect.any(String))
})
