// Completing a password reset: every session of the account ends, this browser is signed in with
// the new password, the old one stops working; the link works once.
import { expect, test } from 'vitest'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import { signInWithPassword } from '@/lib/auth/sign-in-with-password'
import { db } from '@/lib/db'
import { issueUserToken } from '@/lib/users/issue-user-token'
import { createSignedInMerchant, createSignedInStaff, createTestUser } from '@/test/factories'
import { auditRows, completeReset, invite, issueReset, setCookies, tokenOf } from '@/test/people-fixtures'

const noThrottle = { throttle: { attempt: async () => ({ allowed: true as const, delayMs: 0 }), succeeded: async () => {} } }

test('a reset ends every session, signs this browser in, swaps the password, and is audited', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const operator = await createTestUser({ merchantId: merchant.id, role: 'OPERATOR' })
  const { link } = await issueReset(cookie, operator.user.id)
  const res = await completeReset({ token: tokenOf(link.url), password: 'my brand new password' })
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ user: { email: operator.user.email, name: operator.user.name }, next: '/orders' })
  expect(await getSessionFromToken(operator.token)).toBeNull()
  expect((await getSessionFromToken(setCookies(res)[SESSION_COOKIE_NAME]))?.user.userId).toBe(operator.user.id)
  const signIn = (password: string) => signInWithPassword({ email: operator.user.email, password, clientAddress: null }, noThrottle)
  expect(await signIn(operator.password)).toEqual({ ok: false, reason: 'invalid' })
  expect(await signIn('my brand new password')).toMatchObject({ ok: true })
  const [row] = await auditRows({ merchantId: merchant.id, action: 'user.password_reset_completed' })
  expect(row).toMatchObject({ actorKind: 'USER', actorId: operator.user.id, after: { email: operator.user.email, sessionsEnded: 1 } })
  expect((await completeReset({ token: tokenOf(link.url), password: 'yet another password' })).status).toBe(404)
})

test('a newer reset link revokes the older one; an invitation link is not a reset link', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const operator = await createTestUser({ merchantId: merchant.id, role: 'OPERATOR' })
  const older = await issueReset(cookie, operator.user.id)
  const newer = await issueReset(cookie, operator.user.id)
  expect((await completeReset({ token: tokenOf(older.link.url), password: 'a long password' })).status).toBe(404)
  expect((await completeReset({ token: tokenOf(newer.link.url), password: 'a long password' })).status).toBe(200)
  const invited = await invite(cookie)
  expect((await completeReset({ token: tokenOf(invited.link.url), password: 'a long password' })).status).toBe(404)
  expect(await db.user.findUniqueOrThrow({ where: { id: invited.user.id } })).toMatchObject({ passwordHash: null })
})

test('a staff user’s reset lands them on /staff, audited outside any merchant', async () => {
  const staff = await createSignedInStaff()
  const { token } = await db.$transaction((tx) => issueUserToken(tx, { userId: staff.user.id, kind: 'PASSWORD_RESET', createdById: null }))
  const res = await completeReset({ token, password: 'a staff password' })
  expect(res.status).toBe(200)
  expect(((await res.json()) as { next: string }).next).toBe('/staff')
  expect(await auditRows({ merchantId: null, action: 'user.password_reset_completed', subjectId: staff.user.id })).toEqual([expect.objectContaining({ actorKind: 'STAFF' })])
})
