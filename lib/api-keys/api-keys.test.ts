// Creating, listing and revoking keys against the real database: shown once, stored hashed,
// scoped to the merchant, and refused by /api/v1 from the moment they are revoked.
import { expect, test } from 'vitest'
import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key'
import { createApiKey } from '@/lib/api-keys/create-api-key'
import { generateApiKey, hashApiKey } from '@/lib/api-keys/key-format'
import { listApiKeys, MAX_REVOKED_LISTED } from '@/lib/api-keys/list-api-keys'
import { MAX_LIVE_KEYS } from '@/lib/api-keys/api-key-schema'
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { createTestWarehouseKey } from '@/test/api-v1'
import { auditRows, testActor } from '@/test/audit-fixtures'
import { createSignedInMerchant } from '@/test/factories'

test('a created key is returned once in clear and stored only as its SHA-256 and prefix', async () => {
  const { merchant, user } = await createSignedInMerchant()
  const created = await createApiKey({ kind: 'MERCHANT', merchantId: merchant.id, actor: testActor(user), name: '  ERP  ', scopes: ['sync:write', 'sync:read', 'sync:read'] })
  expect(created.secret).toMatch(/^bmk_live_[0-9A-Za-z]{32}$/)
  expect(created).toMatchObject({ name: 'ERP', prefix: created.secret.slice(0, 12), scopes: ['sync:read', 'sync:write'] })
  const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } })
  expect(row.secretHash).toBe(hashApiKey(created.secret))
  expect(JSON.stringify(row)).not.toContain(created.secret)
  expect(row.createdById).toBe(user.id)
  const audit = await auditRows(merchant.id, 'api_key.created')
  expect(audit).toMatchObject([{ actorId: user.id, subjectId: created.id, after: { kind: 'MERCHANT', name: 'ERP', prefix: created.prefix, scopes: ['sync:read', 'sync:write'] } }])
  expect(JSON.stringify(audit.map((r) => [r.before, r.after]))).not.toContain(created.secret)
})

test('a merchant key needs a name and a merchant scope (400 naming the field)', async () => {
  const { merchant } = await createSignedInMerchant()
  const make = (name: string, scopes: string[]) => createApiKey({ kind: 'MERCHANT', merchantId: merchant.id, actor: testActor(), name, scopes })
  await expect(make(' ', ['sync:read'])).rejects.toMatchObject({ code: 'bad_request', fields: { name: ['a name is required'] } })
  await expect(make('x', [])).rejects.toMatchObject({ code: 'bad_request', fields: { scopes: ['choose at least one scope'] } })
  await expect(make('x', ['warehouse:write'])).rejects.toBeInstanceOf(AppError)
  expect(await db.apiKey.count({ where: { merchantId: merchant.id } })).toBe(0)
})

test('a warehouse key belongs to no merchant and has the warehouse scope only', async () => {
  const key = await createTestWarehouseKey({ name: 'WMS' })
  expect(key.secret).toMatch(/^bmk_wh_/)
  expect(await authenticateApiKey(`Bearer ${key.secret}`)).toEqual({ keyId: key.id, kind: 'WAREHOUSE', merchantId: null, scopes: ['warehouse:write'], label: `${key.secret.slice(0, 12)}… (WMS)` })
})

test('the list shows the merchant its own keys, newest first, with creator, last use and revocation', async () => {
  const { merchant, user } = await createSignedInMerchant()
  const other = await createSignedInMerchant()
  const older = await createApiKey({ kind: 'MERCHANT', merchantId: merchant.id, actor: testActor(user), name: 'Old', scopes: ['sync:read'] })
  const newer = await createApiKey({ kind: 'MERCHANT', merchantId: merchant.id, actor: testActor(user), name: 'New', scopes: ['sync:write'] })
  await createApiKey({ kind: 'MERCHANT', merchantId: other.merchant.id, actor: testActor(other.user), name: 'Theirs', scopes: ['sync:read'] })
  await db.apiKey.update({ where: { id: older.id }, data: { createdAt: new Date(Date.now() - 60_000) } })
  await authenticateApiKey(`Bearer ${newer.secret}`)
  await revokeApiKey({ merchantId: merchant.id, id: older.id, actor: testActor(user) })

  const list = await listApiKeys({ merchantId: merchant.id })
  expect(list.map((k) => k.name)).toEqual(['New', 'Old'])
  expect(list[0]).toMatchObject({ prefix: newer.prefix, scopes: ['sync:write'], createdByName: user.name, revokedAt: null, lastUsedAt: expect.any(String) })
  expect(list[1]).toMatchObject({ lastUsedAt: null, revokedAt: expect.any(String) })
  expect(JSON.stringify(list)).not.toContain(newer.secret)
})

/** Keys written straight to the table: as many as a test needs, without a request each. */
async function insertKeys(merchantId: string, count: number, at: (i: number) => { createdAt: Date; revokedAt: Date | null }) {
  await db.apiKey.createMany({
    data: Array.from({ length: count }, (_, i) => ({ kind: 'MERCHANT' as const, merchantId, name: `Bulk ${i}`, prefix: 'bmk_live_xxx', secretHash: hashApiKey(generateApiKey('MERCHANT')), scopes: ['sync:read'], ...at(i) })),
  })
}

test('every live key is listed, the oldest included, before the most recent revoked ones', async () => {
  const { merchant, user } = await createSignedInMerchant()
  const oldest = await createApiKey({ kind: 'MERCHANT', merchantId: merchant.id, actor: testActor(user), name: 'Oldest live', scopes: ['sync:read'] })
  await db.apiKey.update({ where: { id: oldest.id }, data: { createdAt: new Date(Date.now() - 86_400_000) } })
  // More revoked keys, all newer, than the list ever held (200 before live keys came first).
  const revoked = 210
  await insertKeys(merchant.id, revoked, (i) => ({ createdAt: new Date(Date.now() - 3_600_000 + i * 1000), revokedAt: new Date() }))

  const list = await listApiKeys({ merchantId: merchant.id })
  expect(list[0]).toMatchObject({ id: oldest.id, revokedAt: null })
  expect(list).toHaveLength(1 + MAX_REVOKED_LISTED)
  expect(list.slice(1, 3).map((k) => k.name)).toEqual([`Bulk ${revoked - 1}`, `Bulk ${revoked - 2}`])
})

test(`a merchant has at most ${MAX_LIVE_KEYS} live keys: one more is a 409 naming name, a revoked one frees a place`, async () => {
  const { merchant, user } = await createSignedInMerchant()
  await insertKeys(merchant.id, MAX_LIVE_KEYS - 1, () => ({ createdAt: new Date(), revokedAt: null }))
  const make = () => createApiKey({ kind: 'MERCHANT', merchantId: merchant.id, actor: testActor(user), name: 'One more', scopes: ['sync:read'] })
  const last = await make()
  await expect(make()).rejects.toMatchObject({ code: 'conflict', fields: { name: [expect.stringContaining(String(MAX_LIVE_KEYS))] } })
  await revokeApiKey({ merchantId: merchant.id, id: last.id, actor: testActor(user) })
  await expect(make()).resolves.toMatchObject({ name: 'One more' })
  expect(await db.apiKey.count({ where: { merchantId: merchant.id, revokedAt: null } })).toBe(MAX_LIVE_KEYS)
})

test('a revoked key is refused from then on; revoking twice keeps the first time; another merchant gets 404', async () => {
  const { merchant, user } = await createSignedInMerchant()
  const other = await createSignedInMerchant()
  const key = await createApiKey({ kind: 'MERCHANT', merchantId: merchant.id, actor: testActor(user), name: 'K', scopes: ['sync:read'] })
  await expect(revokeApiKey({ merchantId: other.merchant.id, id: key.id, actor: testActor(other.user) })).rejects.toMatchObject({ code: 'not_found' })
  expect(await authenticateApiKey(`Bearer ${key.secret}`)).toMatchObject({ keyId: key.id })

  const first = await revokeApiKey({ merchantId: merchant.id, id: key.id, actor: testActor(user) }, new Date('2026-12-01T10:00:00Z'))
  const second = await revokeApiKey({ merchantId: merchant.id, id: key.id, actor: testActor() }, new Date('2026-12-02T10:00:00Z'))
  expect(second.revokedAt).toEqual(first.revokedAt)
  // Revoked once, audited once: the second revocation changed nothing.
  expect(await auditRows(merchant.id, 'api_key.revoked')).toMatchObject([{ actorId: user.id, subjectId: key.id, before: { name: 'K', prefix: key.prefix } }])
  expect(await auditRows(other.merchant.id)).toEqual([])
  await expect(authenticateApiKey(`Bearer ${key.secret}`)).rejects.toMatchObject({ code: 'unauthorized' })
  await expect(revokeApiKey({ merchantId: merchant.id, id: '00000000-0000-4000-8000-000000000000', actor: testActor() })).rejects.toMatchObject({ code: 'not_found' })
})

test('a merchant cannot revoke the warehouse key through its own settings', async () => {
  const { merchant, user } = await createSignedInMerchant()
  const wh = await createTestWarehouseKey()
  await expect(revokeApiKey({ merchantId: merchant.id, id: wh.id, actor: testActor(user) })).rejects.toMatchObject({ code: 'not_found' })
})
