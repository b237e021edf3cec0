// `npm run db:seed`: the demo data, once (see scripts/demo/seed-demo.ts). Needs the sandbox running.
import { seedDemo } from '../scripts/demo/seed-demo'
import { db } from '@/lib/db'
import { env } from '@/lib/env'

// BACKMARKET_API_URL must be the sandbox: the demo creates its orders there.
const result = await seedDemo({ sandboxUrl: env().BACKMARKET_API_URL })
console.log(result.seeded ? 'Demo data seeded.' : 'Demo data already present.')
for (const l of result.logins) console.log(`  ${l.merchant}: ${l.email} / ${l.password}`)
await db.$disconnect()
