import { expect, test } from 'vitest'
import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key'
import { revokeWarehouseKey } from '@/lib/api-keys/revoke-warehouse-key'
import { db } from '@/lib/db'
import { createTestMerchantKey, createTestWarehouseKey } from '@/test/api-v1'
import { testActor } from '@/test/audit-fixtures'

test('a revoked warehouse key is refused from then on; revoking twice keeps the first time', async () => {
  const key = await createTestWarehouseKey()
  const actor = testActor(undefined, 'STAFF')
  const first = await revokeWarehouseKey({ id: key.id, actor }, new Date('2026-12-01T10:00:00Z'))
  const second = await revokeWarehouseKey({ id: key.id, actor: testActor() }, new Date('2026-12-02T10:00:00Z'))
  expect(second.revokedAt).toEqual(first.revokedAt)
  // Belongs to no merchant, audited once (the first revocation), naming the staff user.
  const audit = await db.auditEvent.findMany({ where: { action: 'api_key.revoked', subjectId: key.id } })
  expect(audit).toMatchObject([{ merchantId: null, actorKind: 'STAFF', actorId: actor.id, before: { kind: 'WAREHOUSE', prefix: key.prefix } }])
  await expect(authenticateApiKey(`Bearer ${key.secret}`)).rejects.toMatchObject({ code: 'unauthorized' })
})

test('only warehouse keys: a merchant key id or an unknown id is a 404', async () => {
  const merchantKey = await createTestMerchantKey()
  await expect(revokeWarehouseKey({ id: merchantKey.id, actor: testActor() })).rejects.toMatchObject({ code: 'not_found' })
  await expect(revokeWarehouseKey({ id: '00000000-0000-4000-8000-000000000000', actor: testActor() })).rejects.toMatchObject({ code: 'not_found' })
  await expect(authenticateApiKey(`Bearer ${merchantKey.secret}`)).resolves.toMatchObject({ keyId: merchantKey.id })
})
