// Staff make, list and revoke the warehouse keys (one per WMS, for every merchant): shown once,
// stored as SHA-256, audited with no merchant and the staff user's name.
import { expect, test } from 'vitest'
import { DELETE } from '@/app/api/staff/warehouse-keys/[id]/route'
import { GET, POST } from '@/app/api/staff/warehouse-keys/route'
import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key'
import { hashApiKey } from '@/lib/api-keys/key-format'
import { db } from '@/lib/db'
import { createSignedInStaff, routeParams, testRequest } from '@/test/factories'

type Listed = { id: string; name: string; prefix: string; createdByName: string | null; revokedAt: string | null }

const create = (cookie: string, body: unknown) => POST(testRequest('/api/staff/warehouse-keys', { method: 'POST', cookie, body }))
const revoke = (cookie: string, id: string) => DELETE(testRequest(`/api/staff/warehouse-keys/${id}`, { method: 'DELETE', cookie }), routeParams({ id }))
const list = async (cookie: string) => ((await (await GET(testRequest('/api/staff/warehouse-keys', { cookie }))).json()) as { keys: Listed[] }).keys

test('create (the secret once, its hash kept), list (never a secret), revoke (401 from then on): each audited without a merchant', async () => {
  const staff = await createSignedInStaff()
  const name = `WMS ${Date.now()}`
  const res = await create(staff.cookie, { name })
  expect(res.status).toBe(201)
  expect(res.headers.get('cache-control')).toBe('no-store')
  const { key } = await res.json()
  expect(key.secret).toMatch(/^bmk_wh_/)
  const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })
  expect(row).toMatchObject({ kind: 'WAREHOUSE', merchantId: null, secretHash: hashApiKey(key.secret), createdById: staff.user.id, scopes: ['warehouse:write'] })
  expect(await authenticateApiKey(`Bearer ${key.secret}`)).toMatchObject({ keyId: key.id })

  const listed = await list(staff.cookie)
  expect(listed.find((k) => k.id === key.id)).toEqual(expect.objectContaining({ name, prefix: row.prefix, createdByName: 'Support Agent', revokedAt: null }))
  expect(JSON.stringify(listed)).not.toContain(key.secret)

  const revoked = await revoke(staff.cookie, key.id)
  expect(revoked.status).toBe(200)
  expect((await revoked.json()).key).toMatchObject({ id: key.id, name })
  await expect(authenticateApiKey(`Bearer ${key.secret}`)).rejects.toMatchObject({ code: 'unauthorized' })
  // Revoking again keeps the first time and records nothing more.
  expect((await revoke(staff.cookie, key.id)).status).toBe(200)

  const audit = await db.auditEvent.findMany({ where: { subjectId: key.id }, orderBy: { id: 'asc' } })
  expect(audit.map((a) => a.action)).toEqual(['api_key.created', 'api_key.revoked'])
  for (const a of audit) expect(a).toMatchObject({ merchantId: null, actorKind: 'STAFF', actorId: staff.user.id })
  expect(JSON.stringify(audit.map((a) => ({ ...a, id: String(a.id) })))).not.toContain(key.secret)
})

test('a bad name is a 400 naming it; an unknown or malformed id a 404', async () => {
  const staff = await createSignedInStaff()
  const bad = await create(staff.cookie, { name: '  ' })
  expect(bad.status).toBe(400)
  expect(Object.keys((await bad.json()).error.fields)).toEqual(['name'])
  expect((await revoke(staff.cookie, '00000000-0000-4000-8000-000000000000')).status).toBe(404)
  expect((await revoke(staff.cookie, 'nope')).status).toBe(404)
})
