// Settings → Users through its routes: invitations (link shown once, emailed when SMTP is set),
// roles, removal, re-issued invitations and reset links; the last active admin stays; another
// merchant's people are simply not there.
import { expect, test } from 'vitest'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { db } from '@/lib/db'
import { hashOneTimeToken } from '@/lib/users/one-time-token'
import { createSignedInMerchant, createSignedInStaff, createTestUser, routeParams, testRequest } from '@/test/factories'
import { accept, auditRows, invite, issueReset, tokenOf, uniqueEmail } from '@/test/people-fixtures'
import { startTestSmtp } from '@/test/smtp'
import { POST as reissue } from './[id]/invitation/route'
import { POST as resetRoute } from './[id]/password-reset/route'
import { DELETE, PATCH } from './[id]/route'
import { GET, POST } from './route'

type Row = { id: string; email: string; role: string; status: string; lastSeenAt: string | null; invitationExpiresAt: string | null }
const list = async (cookie: string) => ((await (await GET(testRequest('/api/users', { cookie }))).json()) as { users: Row[] }).users
const patch = (id: string, body: unknown, cookie: string) => PATCH(testRequest(`/api/users/${id}`, { method: 'PATCH', cookie, body }), routeParams({ id }))
const remove = (id: string, cookie: string) => DELETE(testRequest(`/api/users/${id}`, { method: 'DELETE', cookie }), routeParams({ id }))
const reissueFor = (id: string, cookie: string) => reissue(testRequest(`/api/users/${id}/invitation`, { method: 'POST', cookie }), routeParams({ id }))

test('an admin invites: the link is in the answer once (uncached, not emailed without SMTP), the list says invited, the audit says who', async () => {
  const { merchant, cookie, user: admin } = await createSignedInMerchant()
  const email = uniqueEmail('nina')
  const res = await POST(testRequest('/api/users', { method: 'POST', cookie, body: { email, name: 'Nina', role: 'VIEWER' } }))
  expect(res.status).toBe(201)
  expect(res.headers.get('cache-control')).toBe('no-store')
  const body = (await res.json()) as { user: { id: string }; link: { url: string }; emailed: boolean }
  expect(body.emailed).toBe(false)
  expect(body.link.url).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}$/)
  const listed = await list(cookie)
  expect(listed).toContainEqual(expect.objectContaining({ id: body.user.id, email, role: 'VIEWER', status: 'invited', lastSeenAt: null, invitationExpiresAt: expect.any(String) }))
  expect(listed).toContainEqual(expect.objectContaining({ id: admin.id, status: 'active', lastSeenAt: expect.any(String) }))
  expect(JSON.stringify(listed)).not.toContain(tokenOf(body.link.url))
  const [row] = await auditRows({ merchantId: merchant.id, action: 'user.invited' })
  expect(row).toMatchObject({ actorKind: 'USER', actorId: admin.id, subjectId: body.user.id })
  expect(JSON.stringify(row!.after)).not.toContain(tokenOf(body.link.url))
})

test('with SMTP set, the invitation is emailed to the invitee, and the admin is NOT shown its link', async () => {
  const smtp = await startTestSmtp()
  const { cookie, merchant } = await createSignedInMerchant({ name: `Mail Merchant ${Date.now()}` })
  const email = uniqueEmail('mailed')
  const invited = await invite(cookie, { email, name: 'Mia' })
  expect(invited).toEqual({ user: expect.objectContaining({ email }), link: { expiresAt: expect.any(String) }, emailed: true })
  const mail = await smtp.nextMail()
  expect(mail.to).toEqual([email])
  expect(mail.subject).toContain(merchant.name)
  expect(mail.text).toMatch(/http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}/)
  expect(mail.text).toContain('Hello Mia')
})

test('an email that already has an account is a 409 naming email; bad input a 400 naming each field', async () => {
  const { cookie } = await createSignedInMerchant()
  const other = await createSignedInMerchant()
  const taken = await POST(testRequest('/api/users', { method: 'POST', cookie, body: { email: other.user.email, name: 'X', role: 'VIEWER' } }))
  expect(taken.status).toBe(409)
  expect(((await taken.json()) as { error: { fields: Record<string, unknown> } }).error.fields).toHaveProperty('email')
  for (const name of ['', 'Nina\u0000', '  ']) {
    const bad = await POST(testRequest('/api/users', { method: 'POST', cookie, body: { email: 'no', name, role: 'OWNER' } }))
    expect(bad.status).toBe(400)
    expect(Object.keys(((await bad.json()) as { error: { fields: Record<string, unknown> } }).error.fields).sort()).toEqual(['email', 'name', 'role'])
  }
})

test('operators and viewers cannot list or invite (403)', async () => {
  for (const role of ['OPERATOR', 'VIEWER'] as const) {
    const { cookie } = await createSignedInMerchant({ role })
    expect((await GET(testRequest('/api/users', { cookie }))).status).toBe(403)
    expect((await POST(testRequest('/api/users', { method: 'POST', cookie, body: { email: uniqueEmail(), name: 'X', role: 'ADMIN' } }))).status).toBe(403)
  }
})

test('a role change is audited before → after; the last active admin can be neither demoted nor removed (409)', async () => {
  const { merchant, cookie, user: admin } = await createSignedInMerchant()
  const operator = await createTestUser({ merchantId: merchant.id, role: 'OPERATOR' })
  const demoteSelf = await patch(admin.id, { role: 'VIEWER' }, cookie)
  expect(demoteSelf.status).toBe(409)
  expect(((await demoteSelf.json()) as { error: { message: string } }).error.message).toMatch(/at least one active admin/)
  expect((await remove(admin.id, cookie)).status).toBe(409)
  // An invited admin who never accepted does not count: they cannot sign in.
  await invite(cookie, { role: 'ADMIN' })
  expect((await patch(admin.id, { role: 'OPERATOR' }, cookie)).status).toBe(409)

  const promoted = await patch(operator.user.id, { role: 'ADMIN' }, cookie)
  expect(promoted.status).toBe(200)
  expect(await promoted.json()).toEqual({ user: { id: operator.user.id, role: 'ADMIN', changed: true } })
  const rows = await auditRows({ merchantId: merchant.id, action: 'user.role_changed' })
  expect(rows.map((r) => [r.before, r.after])).toEqual([[{ email: operator.user.email, role: 'OPERATOR' }, { email: operator.user.email, role: 'ADMIN' }]])
  // Now someone else is an admin: the first one may step down.
  expect((await patch(admin.id, { role: 'VIEWER' }, cookie)).status).toBe(200)
  expect((await patch(operator.user.id, { role: 'OWNER' }, operator.cookie)).status).toBe(400)
})

test('two admins demoting each other at once: one wins, the other gets the 409, one admin remains', async () => {
  const a = await createSignedInMerchant()
  const b = await createTestUser({ merchantId: a.merchant.id, role: 'ADMIN' })
  const answers = await Promise.all([patch(b.user.id, { role: 'VIEWER' }, a.cookie), patch(a.user.id, { role: 'VIEWER' }, b.cookie)])
  expect(answers.map((r) => r.status).sort()).toEqual([200, 409])
  expect(await db.user.count({ where: { merchantId: a.merchant.id, role: 'ADMIN' } })).toBe(1)
})

test('removing someone ends their sessions and unused links; the list says removed; audited', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const operator = await createTestUser({ merchantId: merchant.id, role: 'OPERATOR' })
  await issueReset(cookie, operator.user.id)
  const res = await remove(operator.user.id, cookie)
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ user: { id: operator.user.id, status: 'removed', sessionsEnded: 1 } })
  expect(await getSessionFromToken(operator.token)).toBeNull()
  expect(await db.userToken.count({ where: { userId: operator.user.id } })).toBe(0)
  expect(await list(cookie)).toContainEqual(expect.objectContaining({ id: operator.user.id, status: 'removed' }))
  const [row] = await auditRows({ merchantId: merchant.id, action: 'user.deactivated' })
  expect(row).toMatchObject({ subjectId: operator.user.id, after: expect.objectContaining({ status: 'removed', sessionsEnded: 1 }) })
  // A removed user gets neither a role nor a reset link: the row stays only so the audit keeps their name.
  expect((await patch(operator.user.id, { role: 'ADMIN' }, cookie)).status).toBe(409)
  expect((await resetRoute(testRequest(`/api/users/${operator.user.id}/password-reset`, { method: 'POST', cookie }), routeParams({ id: operator.user.id }))).status).toBe(409)
})

test('a re-issued invitation replaces the older link; accepted users get a reset link instead', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const first = await invite(cookie)
  const res = await reissueFor(first.user.id, cookie)
  expect(res.status).toBe(201)
  const second = (await res.json()) as { link: { url: string } }
  expect(await db.userToken.findUnique({ where: { id: hashOneTimeToken(tokenOf(first.link.url)) } })).toBeNull()
  expect((await accept({ token: tokenOf(first.link.url), name: 'Nina', password: 'a long password' })).status).toBe(404)
  expect((await accept({ token: tokenOf(second.link.url), name: 'Nina', password: 'a long password' })).status).toBe(200)
  expect((await reissueFor(first.user.id, cookie)).status).toBe(409)
  expect(await auditRows({ merchantId: merchant.id, action: 'user.invited' })).toHaveLength(2)

  const reset = await issueReset(cookie, first.user.id)
  expect(reset.link.url).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/)
  expect(await auditRows({ merchantId: merchant.id, action: 'user.password_reset_issued' })).toEqual([expect.objectContaining({ subjectId: first.user.id })])
  const pending = await invite(cookie)
  expect((await resetRoute(testRequest(`/api/users/${pending.user.id}/password-reset`, { method: 'POST', cookie }), routeParams({ id: pending.user.id }))).status).toBe(409)
})

test('another merchant’s admin gets 404 on every route for our people, and nothing changes', async () => {
  const ours = await createSignedInMerchant()
  const operator = await createTestUser({ merchantId: ours.merchant.id, role: 'OPERATOR' })
  const pending = await invite(ours.cookie)
  const theirs = await createSignedInMerchant()
  for (const id of [operator.user.id, pending.user.id, ours.user.id, 'not-a-uuid']) {
    expect((await patch(id, { role: 'ADMIN' }, theirs.cookie)).status).toBe(404)
    expect((await remove(id, theirs.cookie)).status).toBe(404)
    expect((await reissueFor(id, theirs.cookie)).status).toBe(404)
    expect((await resetRoute(testRequest(`/api/users/${id}/password-reset`, { method: 'POST', cookie: theirs.cookie }), routeParams({ id }))).status).toBe(404)
  }
  expect((await list(theirs.cookie)).map((u) => u.id)).toEqual([theirs.user.id])
  expect(await db.user.findUniqueOrThrow({ where: { id: operator.user.id } })).toMatchObject({ role: 'OPERATOR', deactivatedAt: null })
  expect(await getSessionFromToken(operator.token)).not.toBeNull()
  expect(await auditRows({ merchantId: ours.merchant.id, action: 'user.role_changed' })).toEqual([])
})

test('staff acting as support may manage a merchant’s people; the audit names the staff user', async () => {
  const { merchant } = await createSignedInMerchant()
  const readOnly = await createSignedInStaff({ open: merchant.id })
  expect((await POST(testRequest('/api/users', { method: 'POST', cookie: readOnly.cookie, body: { email: uniqueEmail(), name: 'X', role: 'VIEWER' } }))).status).toBe(403)
  const acting = await createSignedInStaff({ open: merchant.id, acting: true })
  const invited = await invite(acting.cookie)
  const [row] = await auditRows({ merchantId: merchant.id, action: 'user.invited' })
  expect(row).toMatchObject({ actorKind: 'STAFF', actorId: acting.user.id, subjectId: invited.user.id })
})

test('with SMTP set, a password-reset link is emailed to the person in their language', async () => {
  const smtp = await startTestSmtp()
  const { merchant, cookie } = await createSignedInMerchant()
  const operator = await createTestUser({ merchantId: merchant.id, role: 'OPERATOR' })
  await db.user.update({ where: { id: operator.user.id }, data: { locale: 'fr' } })
  const reset = await issueReset(cookie, operator.user.id)
  expect(reset).toEqual({ link: { expiresAt: expect.any(String) }, emailed: true })
  const mail = await smtp.nextMail()
  expect(mail.to).toEqual([operator.user.email])
  expect(mail.subject).toContain('Réinitialiser votre mot de passe')
  expect(mail.text).toMatch(/http:\/\/localhost:3000\/reset-password\/[A-Za-z0-9_-]{43}/)
})
