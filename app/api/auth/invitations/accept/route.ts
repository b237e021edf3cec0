// POST /api/auth/invitations/accept — public: set one's name and password from an invitation link; signs in (session, language and zone cookies)
import { NextResponse } from 'next/server'
import { requestOrigin } from '@/lib/auth/request-origin'
import { readCookie, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import { handle, parseJsonBody } from '@/lib/http'
import { acceptInvitation } from '@/lib/users/accept-invitation'
import { homeOf, setSignInCookies } from '@/lib/users/sign-in-cookies'
import { AcceptInvitationSchema } from '@/lib/users/user-schemas'

export const POST = handle(async (req: Request) => {
  const body = await parseJsonBody(req, AcceptInvitationSchema)
  const person = await acceptInvitation({ ...body, origin: requestOrigin(req.headers), previousSessionToken: readCookie(req.headers.get('cookie'), SESSION_COOKIE_NAME) })
  const res = NextResponse.json({ user: { email: person.user.email, name: person.user.name }, next: homeOf(person) }, { headers: { 'cache-control': 'no-store' } })
  return setSignInCookies(res, req, person)
})
