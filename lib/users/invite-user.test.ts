import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { createTestMerchant, createTestUser } from '@/test/factories'
import { startTestSmtp } from '@/test/smtp'
import { deliverInvitation, inviteUser, oneTimeLinkUrl } from './invite-user'
import { hashOneTimeToken } from './one-time-token'

const actor = { kind: 'USER' as const, id: null, name: 'Test admin' }

test('invites a user with no password, a 7-day link stored only as its hash, and one audit row', async () => {
  const merchant = await createTestMerchant()
  const admin = await createTestUser({ merchantId: merchant.id })
  const now = new Date('2026-12-06T09:00:00Z')
  const email = `New.Person-${randomUUID()}@Test.example`
  const result = await db.$transaction((tx) =>
    inviteUser(tx, { merchantId: merchant.id, email, name: ' Nina ', role: 'OPERATOR', actor: { ...actor, id: admin.user.id }, now }),
  )
  expect(result.expiresAt).toEqual(new Date('2026-12-13T09:00:00Z'))
  const user = await db.user.findUniqueOrThrow({ where: { id: result.userId } })
  expect(user).toMatchObject({ email: email.toLowerCase(), name: 'Nina', role: 'OPERATOR', passwordHash: null, activatedAt: null, invitedById: admin.user.id })
  const tokens = await db.userToken.findMany({ where: { userId: user.id } })
  expect(tokens).toEqual([expect.objectContaining({ id: hashOneTimeToken(result.token), kind: 'INVITATION', usedAt: null })])
  const audit = await db.auditEvent.findMany({ where: { merchantId: merchant.id, action: 'user.invited' } })
  expect(audit).toHaveLength(1)
  expect(audit[0]).toMatchObject({ actorId: admin.user.id, subjectType: 'user', subjectId: user.id })
  expect(audit[0]!.after).toMatchObject({ email: email.toLowerCase(), role: 'OPERATOR' })
  expect(JSON.stringify([audit[0]!.before, audit[0]!.after])).not.toContain(result.token)
})

test('an email already used (whatever its case, in any merchant) is refused with a 409 naming email, and nothing is written', async () => {
  const merchant = await createTestMerchant()
  const other = await createTestUser({ merchantId: (await createTestMerchant()).id })
  const error = await db
    .$transaction((tx) => inviteUser(tx, { merchantId: merchant.id, email: other.user.email.toUpperCase(), name: 'X', role: 'VIEWER', actor }))
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(AppError)
  expect(error).toMatchObject({ code: 'conflict', fields: { email: [expect.any(String)] } })
  expect(await db.auditEvent.count({ where: { merchantId: merchant.id } })).toBe(0)
})

test('bad input names the field', async () => {
  const merchant = await createTestMerchant()
  const error = await db.$transaction((tx) => inviteUser(tx, { merchantId: merchant.id, email: 'nope', name: '', role: 'VIEWER', actor })).catch((e: unknown) => e)
  expect(error).toMatchObject({ code: 'bad_request', fields: { email: expect.any(Array), name: expect.any(Array) } })
})

test('the link is /invite/<token> or /reset-password/<token> on the given origin', () => {
  expect(oneTimeLinkUrl('http://127.0.0.1:3000/', 'INVITATION', 'abc')).toBe('http://127.0.0.1:3000/invite/abc')
  expect(oneTimeLinkUrl('https://ops.example', 'PASSWORD_RESET', 'abc')).toBe('https://ops.example/reset-password/abc')
})

test('without SMTP nothing is emailed; with it, the invitation arrives in the chosen language with the link', async () => {
  const mail = { to: 'nina@test.example', name: 'Nina', merchantName: 'Refurb Republic', url: 'http://localhost:3000/invite/tok', expiresAt: new Date('2026-12-13T09:00:00Z') }
  delete process.env.SMTP_URL
  expect(await deliverInvitation(mail)).toEqual({ emailed: false })

  const smtp = await startTestSmtp()
  expect(await deliverInvitation({ ...mail, locale: 'fr' })).toEqual({ emailed: true })
  const received = await smtp.nextMail()
  expect(received.to).toEqual(['nina@test.example'])
  expect(received.subject).toBe('Invitation au tableau de bord logistique de Refurb Republic')
  expect(received.text).toContain('http://localhost:3000/invite/tok')
  expect(received.text).toContain('Bonjour Nina')
})
