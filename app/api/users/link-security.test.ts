// Who may hold a one-time link, and what an admin can learn or do with them (review R1): an emailed
// link is the recipient's alone; another admin's reset goes only by email; the use of a link names
// who issued it; an email of elsewhere is refused without saying where; a merchant issues at most
// 30 links an hour; a removed person can be invited again; two re-issues at once leave one link.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createSignedInMerchant, createSignedInStaff, createTestUser, routeParams, testRequest } from '@/test/factories'
import { accept, auditRows, completeReset, invite, issueReset, tokenOf, uniqueEmail } from '@/test/people-fixtures'
import { startTestSmtp } from '@/test/smtp'
import { POST as reissue } from './[id]/invitation/route'
import { POST as resetRoute } from './[id]/password-reset/route'
import { DELETE } from './[id]/route'
import { POST } from './route'

const inviteRaw = (cookie: string, body: unknown) => POST(testRequest('/api/users', { method: 'POST', cookie, body }))
const resetRaw = (cookie: string, id: string) => resetRoute(testRequest(`/api/users/${id}/password-reset`, { method: 'POST', cookie }), routeParams({ id }))
const reissueRaw = (cookie: string, id: string) => reissue(testRequest(`/api/users/${id}/invitation`, { method: 'POST', cookie }), routeParams({ id }))
const liveLinks = (userId: string) => db.userToken.count({ where: { userId, usedAt: null } })

test("another admin's reset is refused without email (409 saying why, no link made); one's own is handed over", async () => {
  const { merchant, cookie, user: admin } = await createSignedInMerchant()
  const other = await createTestUser({ merchantId: merchant.id, role: 'ADMIN' })
  const refused = await resetRaw(cookie, other.user.id)
  expect(refused.status).toBe(409)
  const { error } = (await refused.json()) as { error: { message: string; details: unknown } }
  expect(error.message).toContain("An admin's reset is emailed to them; ask them to use it.")
  expect(error.details).toEqual({ reason: 'admin_reset_emailed' })
  expect(await liveLinks(other.user.id)).toBe(0)
  expect(await auditRows({ merchantId: merchant.id, action: 'user.password_reset_issued' })).toEqual([])
  const own = await issueReset(cookie, admin.id)
  expect(own).toMatchObject({ emailed: false, link: { url: expect.stringContaining('/reset-password/') } })
})

test("with SMTP, another admin's reset is emailed and not shown; its use is audited with who issued it", async () => {
  const smtp = await startTestSmtp()
  const { merchant, cookie, user: admin } = await createSignedInMerchant()
  const other = await createTestUser({ merchantId: merchant.id, role: 'ADMIN' })
  const res = await resetRaw(cookie, other.user.id)
  expect(res.status).toBe(201)
  const body = await res.json()
  expect(body).toEqual({ link: { expiresAt: expect.any(String) }, emailed: true })
  const mail = await smtp.nextMail()
  const url = /http\S+\/reset-password\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0]
  expect((await completeReset({ token: tokenOf(url), password: 'the victim chose this' })).status).toBe(200)
  const [row] = await auditRows({ merchantId: merchant.id, action: 'user.password_reset_completed' })
  expect(row!.after).toMatchObject({ issuedBy: { id: admin.id, name: admin.name } })
})

test('accepting an invitation is audited with who issued the link', async () => {
  const { merchant, cookie, user: admin } = await createSignedInMerchant()
  const invited = await invite(cookie)
  expect((await accept({ token: tokenOf(invited.link.url), name: 'Nina', password: 'a long password' })).status).toBe(200)
  const [row] = await auditRows({ merchantId: merchant.id, action: 'user.invitation_accepted' })
  expect(row!.after).toMatchObject({ status: 'active', issuedBy: { id: admin.id, name: admin.name } })
})

test("an email of another merchant or of staff gets one generic 409 that says not where; this merchant's says so", async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const elsewhere = await createSignedInMerchant({ name: 'Secret Competitor' })
  const staff = await createSignedInStaff()
  const generic = 'This email cannot be invited here: use another address, or contact support.'
  for (const email of [elsewhere.user.email, staff.user.email]) {
    const res = await inviteRaw(cookie, { email, name: 'X', role: 'VIEWER' })
    expect(res.status).toBe(409)
    const text = await res.text()
    const { error } = JSON.parse(text) as { error: { message: string; fields: Record<string, string[]>; details: unknown } }
    expect(error).toMatchObject({ message: generic, fields: { email: [generic] }, details: { reason: 'email_unavailable' } })
    expect(text).not.toMatch(/Competitor|staff|merchant/i)
  }
  const colleague = await createTestUser({ merchantId: merchant.id, role: 'OPERATOR' })
  const same = await inviteRaw(cookie, { email: colleague.user.email, name: 'X', role: 'VIEWER' })
  expect(same.status).toBe(409)
  expect(((await same.json()) as { error: { details: unknown } }).error.details).toEqual({ reason: 'email_taken' })
})

test('a merchant issues at most 30 links an hour (invitations, re-issues, resets together): then 429 with Retry-After', async () => {
  const { cookie, merchant } = await createSignedInMerchant()
  const operator = await createTestUser({ merchantId: merchant.id, role: 'OPERATOR' })
  for (let i = 0; i < 29; i++) await invite(cookie)
  await issueReset(cookie, operator.user.id)
  for (const refused of [await inviteRaw(cookie, { email: uniqueEmail(), name: 'X', role: 'VIEWER' }), await resetRaw(cookie, operator.user.id)]) {
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
  }
  // Another merchant's budget is its own.
  const other = await createSignedInMerchant()
  expect((await inviteRaw(other.cookie, { email: uniqueEmail(), name: 'X', role: 'VIEWER' })).status).toBe(201)
})

test('someone removed can be invited again: the same person, no password, the new role, a working link, audited as reactivated', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const gone = await createTestUser({ merchantId: merchant.id, role: 'OPERATOR' })
  expect((await DELETE(testRequest(`/api/users/${gone.user.id}`, { method: 'DELETE', cookie }), routeParams({ id: gone.user.id }))).status).toBe(200)
  const again = await invite(cookie, { email: gone.user.email, name: 'Back Again', role: 'VIEWER' })
  expect(again.user.id).toBe(gone.user.id)
  expect(await db.user.findUniqueOrThrow({ where: { id: gone.user.id } })).toMatchObject({ deactivatedAt: null, passwordHash: null, activatedAt: null, role: 'VIEWER', name: 'Back Again' })
  const rows = await auditRows({ merchantId: merchant.id, action: 'user.invited', subjectId: gone.user.id })
  expect(rows.map((r) => r.after)).toEqual([expect.objectContaining({ role: 'VIEWER', reactivated: true })])
  expect((await accept({ token: tokenOf(again.link.url), name: 'Back Again', password: 'a long password' })).status).toBe(200)
})

test('two re-issues of one invitation at once leave exactly one live link', async () => {
  const { cookie } = await createSignedInMerchant()
  const invited = await invite(cookie)
  const answers = await Promise.all(Array.from({ length: 6 }, () => reissueRaw(cookie, invited.user.id)))
  expect(answers.map((r) => r.status)).toEqual(Array(6).fill(201))
  expect(await liveLinks(invited.user.id)).toBe(1)
})

test("the invitation mail is in the merchant's language and zone, not the inviting admin's", async () => {
  const smtp = await startTestSmtp()
  const { merchant, cookie, user: admin } = await createSignedInMerchant()
  await db.merchant.update({ where: { id: merchant.id }, data: { locale: 'fr', timeZone: 'America/New_York' } })
  await db.user.update({ where: { id: admin.id }, data: { locale: 'en', timeZone: 'Asia/Tokyo' } })
  await invite(cookie, { name: 'Inès' })
  const mail = await smtp.nextMail()
  expect(mail.text).toContain('Bonjour Inès')
  expect(mail.text).toMatch(/UTC−5|UTC-5|HNE|EST/)
  expect(mail.text).not.toMatch(/UTC\+9|JST/)
})
