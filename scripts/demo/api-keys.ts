// The demo's warehouse key, seeded with the demo data: the simulator of `npm run dev` posts its
// events with it, and dev.ts prints it with a curl. Never in production (it is public).
import 'server-only'
import { DEMO_WAREHOUSE_KEY } from '@/lib/api-keys/demo-key'
import { displayPrefix, hashApiKey } from '@/lib/api-keys/key-format'
import { db } from '@/lib/db'

export { DEMO_WAREHOUSE_KEY }

export async function seedDemoApiKeys(nodeEnv = process.env.NODE_ENV): Promise<void> {
  if (nodeEnv === 'production') throw new Error('The demo warehouse key is public: it is never seeded in production.')
  const secretHash = hashApiKey(DEMO_WAREHOUSE_KEY)
  // Revoked by hand on a dev database? Then it stays revoked: re-seeding does not bring it back.
  await db.apiKey.upsert({
    where: { secretHash },
    create: { kind: 'WAREHOUSE', name: 'Demo warehouse (simulator)', prefix: displayPrefix(DEMO_WAREHOUSE_KEY), secretHash, scopes: ['warehouse:write'] },
    update: {},
  })
}
