// The demo's logins: a demo database made before them gains each missing one with its role and
// password, once; a login changed through the app is left as it is.
import { expect, onTestFinished, test } from 'vitest'
import { createUser } from '@/lib/auth/create-user'
import { verifyPassword } from '@/lib/auth/password'
import { db } from '@/lib/db'
import { createTestMerchant } from '@/test/factories'
import { DEMO_MERCHANTS, DEMO_STAFF, demoLogins } from './catalogue'
import { ensureDemoLogins } from './demo-logins'

const [refurb] = DEMO_MERCHANTS as [(typeof DEMO_MERCHANTS)[0]]

test('one login per role for each demo merchant, then the staff login', () => {
  expect(demoLogins().map((l) => `${l.merchant}:${l.role}`)).toEqual([
    'Refurb Republic:ADMIN',
    'Refurb Republic:OPERATOR',
    'Refurb Republic:VIEWER',
    'Phone Phoenix:ADMIN',
    'Phone Phoenix:OPERATOR',
    'Phone Phoenix:VIEWER',
    'Fulfilment support (staff):STAFF',
  ])
  expect(new Set(demoLogins().map((l) => l.email)).size).toBe(7)
})

test('a merchant just made by the seed gains all its logins', async () => {
  onTestFinished(async () => {
    await db.user.deleteMany({ where: { email: DEMO_STAFF.email } })
  })
  const merchant = await createTestMerchant({ name: refurb.name })
  // Phone Phoenix is not seeded here: its logins wait for it; Refurb Republic's three and staff's are made.
  expect(await ensureDemoLogins()).toBe(4)
  const rows = await db.user.findMany({ where: { merchantId: merchant.id }, select: { email: true, role: true } })
  expect(rows.sort((a, b) => a.email.localeCompare(b.email))).toEqual(
    refurb.users.map((u) => ({ email: u.email, role: u.role })).sort((a, b) => a.email.localeCompare(b.email)),
  )
})

test('a demo database with only its first admin gains the other logins, once, and keeps a changed role', async () => {
  onTestFinished(async () => {
    await db.user.deleteMany({ where: { email: DEMO_STAFF.email } })
  })
  const merchant = await createTestMerchant({ name: refurb.name })
  const anna = refurb.users[0]!
  await createUser({ merchantId: merchant.id, role: 'ADMIN', email: anna.email, name: anna.name, password: anna.password })

  expect(await ensureDemoLogins()).toBe(3)
  const users = await db.user.findMany({
    where: { email: { in: demoLogins().map((l) => l.email) } },
    select: { email: true, role: true, merchantId: true, passwordHash: true, activatedAt: true },
  })
  const byEmail = new Map(users.map((u) => [u.email, u]))
  expect(users).toHaveLength(4)
  for (const u of refurb.users) {
    const row = byEmail.get(u.email)!
    expect(row).toMatchObject({ role: u.role, merchantId: merchant.id })
    expect(row.activatedAt).not.toBeNull()
    expect(await verifyPassword(row.passwordHash!, u.password)).toBe(true)
  }
  const staff = byEmail.get(DEMO_STAFF.email)!
  expect(staff).toMatchObject({ role: 'STAFF', merchantId: null })
  expect(await verifyPassword(staff.passwordHash!, DEMO_STAFF.password)).toBe(true)

  const viewer = refurb.users.find((u) => u.role === 'VIEWER')!
  await db.user.update({ where: { email: viewer.email }, data: { role: 'OPERATOR' } })
  expect(await ensureDemoLogins()).toBe(0)
  expect(await db.user.findUniqueOrThrow({ where: { email: viewer.email }, select: { role: true } })).toEqual({ role: 'OPERATOR' })
})
