// The demo's people: one login per role for each demo merchant, and the fulfilment company's
// support login. Idempotent on its own: a demo database seeded before a login existed gains it at
// the next `npm run dev`, and a login already there is left as it is (its password or role may
// have been changed on purpose through the app).
import 'server-only'
import { createUser } from '@/lib/auth/create-user'
import { db } from '@/lib/db'
import { DEMO_MERCHANTS, DEMO_STAFF, demoLogins } from './catalogue'

/** The demo merchant of that name, as the seed made it (the first, should one have been made twice). */
export function demoMerchantRow(name: string) {
  return db.merchant.findFirst({ where: { name }, orderBy: { createdAt: 'asc' }, select: { id: true } })
}

/** Creates the missing demo logins; a merchant the seed has not made yet is skipped. Returns how many were made. */
export async function ensureDemoLogins(): Promise<number> {
  const emails = demoLogins().map((l) => l.email)
  const present = new Set((await db.user.findMany({ where: { email: { in: emails } }, select: { email: true } })).map((u) => u.email))
  let made = 0
  for (const m of DEMO_MERCHANTS) {
    const merchant = await demoMerchantRow(m.name)
    if (!merchant) continue
    for (const u of m.users) {
      if (present.has(u.email)) continue
      await createUser({ merchantId: merchant.id, role: u.role, email: u.email, name: u.name, password: u.password })
      made++
    }
  }
  if (!present.has(DEMO_STAFF.email)) {
    await createUser({ merchantId: null, role: 'STAFF', email: DEMO_STAFF.email, name: DEMO_STAFF.name, password: DEMO_STAFF.password })
    made++
  }
  return made
}
