// Builders for the people tests (invitations, resets, sessions): callers of the real routes, so
// the tests read like what an admin's browser does.
import { randomUUID } from 'node:crypto'
import { db } from '@/lib/db'
import { routeParams, testRequest } from '@/test/factories'
import { POST as acceptInvitationRoute } from '@/app/api/auth/invitations/accept/route'
import { POST as completeResetRoute } from '@/app/api/auth/password-reset/route'
import { POST as inviteRoute } from '@/app/api/users/route'
import { POST as passwordResetRoute } from '@/app/api/users/[id]/password-reset/route'

export type IssuedLink = { link: { url: string; expiresAt: string }; emailed: boolean }
export type Invited = IssuedLink & { user: { id: string; email: string; name: string; role: string; status: string } }

export const uniqueEmail = (label = 'person') => `${label}-${randomUUID()}@test.example`

/** The token at the end of a one-time link. */
export const tokenOf = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop()!)

export async function invite(cookie: string, body: { email?: string; name?: string; role?: string } = {}): Promise<Invited> {
  const res = await inviteRoute(testRequest('/api/users', { method: 'POST', cookie, body: { email: uniqueEmail(), name: 'Nina Invited', role: 'OPERATOR', ...body } }))
  if (res.status !== 201) throw new Error(`invite answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as Invited
}

export async function issueReset(cookie: string, userId: string): Promise<IssuedLink> {
  const res = await passwordResetRoute(testRequest(`/api/users/${userId}/password-reset`, { method: 'POST', cookie }), routeParams({ id: userId }))
  if (res.status !== 201) throw new Error(`password reset answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as IssuedLink
}

export const accept = (body: unknown, headers: Record<string, string> = {}) =>
  acceptInvitationRoute(testRequest('/api/auth/invitations/accept', { method: 'POST', body, headers: { 'x-forwarded-for': '198.51.100.7', ...headers } }))

export const completeReset = (body: unknown) =>
  completeResetRoute(testRequest('/api/auth/password-reset', { method: 'POST', body, headers: { 'x-forwarded-for': '198.51.100.8' } }))

/** The Set-Cookie values of a response, by name. */
export function setCookies(res: Response): Record<string, string> {
  return Object.fromEntries(res.headers.getSetCookie().map((c) => {
    const [pair] = c.split(';')
    const at = pair!.indexOf('=')
    return [pair!.slice(0, at), decodeURIComponent(pair!.slice(at + 1))]
  }))
}

export const auditRows = (where: { merchantId?: string | null; action?: string; subjectId?: string }) =>
  db.auditEvent.findMany({ where, orderBy: { id: 'asc' } })
