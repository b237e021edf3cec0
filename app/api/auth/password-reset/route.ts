// POST /api/auth/password-reset — public: choose a new password from a reset link; ends every session of the account, then signs this browser in
import { NextResponse } from 'next/server'
import { requestOrigin } from '@/lib/auth/request-origin'
import { handle, parseJsonBody } from '@/lib/http'
import { completePasswordReset } from '@/lib/users/complete-password-reset'
import { homeOf, setSignInCookies } from '@/lib/users/sign-in-cookies'
import { CompletePasswordResetSchema } from '@/lib/users/user-schemas'

export const POST = handle(async (req: Request) => {
  const body = await parseJsonBody(req, CompletePasswordResetSchema)
  const person = await completePasswordReset({ ...body, origin: requestOrigin(req.headers) })
  const res = NextResponse.json({ user: { email: person.user.email, name: person.user.name }, next: homeOf(person) }, { headers: { 'cache-control': 'no-store' } })
  return setSignInCookies(res, req, person)
})
