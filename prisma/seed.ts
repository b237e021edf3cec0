// `npm run db:seed`: the demo data, once (see scripts/demo/seed-demo.ts). Needs the sandbox running.
import { seedDemo } from '../scripts/demo/seed-demo'
import { db } from '@/lib/db'

const sandboxUrl = process.env.BACKMARKET_API_URL
if (!sandboxUrl) throw new Error('BACKMARKET_API_URL must point at the Back Market sandbox to seed the demo')

const result = await seedDemo({ sandboxUrl })
console.log(result.seeded ? 'Demo data seeded.' : 'Demo data already present.')
for (const l of result.logins) console.log(`  ${l.merchant}: ${l.email} / ${l.password}`)
await db.$disconnect()
