// The demo warehouse key: well-formed, seeded once (re-seeding keeps a revocation), usable outside
// production, and neither seeded nor accepted in production.
import { expect, onTestFinished, test } from 'vitest'
import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key'
import { isDemoKeyRefused } from '@/lib/api-keys/demo-key'
import { hashApiKey, kindOfKey } from '@/lib/api-keys/key-format'
import { db } from '@/lib/db'
import { DEMO_WAREHOUSE_KEY, seedDemoApiKeys } from './api-keys'

test('the demo key is a well-formed warehouse key', () => {
  expect(DEMO_WAREHOUSE_KEY).toMatch(/^bmk_wh_demo/)
  expect(kindOfKey(DEMO_WAREHOUSE_KEY)).toBe('WAREHOUSE')
})

test('seeded, it authenticates as a warehouse key; seeding again changes nothing, a revocation included', async () => {
  onTestFinished(async () => {
    await db.apiKey.deleteMany({ where: { secretHash: hashApiKey(DEMO_WAREHOUSE_KEY) } })
  })
  await seedDemoApiKeys('development')
  await seedDemoApiKeys('development')
  const rows = await db.apiKey.findMany({ where: { secretHash: hashApiKey(DEMO_WAREHOUSE_KEY) } })
  expect(rows).toHaveLength(1)
  expect(await authenticateApiKey(`Bearer ${DEMO_WAREHOUSE_KEY}`)).toMatchObject({ kind: 'WAREHOUSE', merchantId: null, scopes: ['warehouse:write'] })
  await db.apiKey.update({ where: { id: rows[0]!.id }, data: { revokedAt: new Date() } })
  await seedDemoApiKeys('development')
  await expect(authenticateApiKey(`Bearer ${DEMO_WAREHOUSE_KEY}`)).rejects.toMatchObject({ code: 'unauthorized' })
})

test('production neither seeds nor accepts it', async () => {
  await expect(seedDemoApiKeys('production')).rejects.toThrow(/never seeded in production/)
  expect(await db.apiKey.count({ where: { secretHash: hashApiKey(DEMO_WAREHOUSE_KEY) } })).toBe(0)
  expect(isDemoKeyRefused(DEMO_WAREHOUSE_KEY, 'production')).toBe(true)
  expect(isDemoKeyRefused(DEMO_WAREHOUSE_KEY, 'development')).toBe(false)
  expect(isDemoKeyRefused(`bmk_wh_demo${'0'.repeat(28)}`, 'production')).toBe(false)
})
