// POST /api/auth/login — sign in with email and password; sets the bm_session cookie
import { NextResponse } from 'next/server'
import { sessionCookieOptions, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import { INVALID_CREDENTIALS_MESSAGE, SignInSchema } from '@/lib/auth/sign-in-schema'
import { signInWithPassword } from '@/lib/auth/sign-in-with-password'
import { AppError } from '@/lib/errors'
import { handle, parseJsonBody } from '@/lib/http'

export const POST = handle(async (req: Request) => {
  const input = await parseJsonBody(req, SignInSchema)
  const result = await signInWithPassword(input)
  if (!result.ok) throw new AppError('unauthorized', { message: 'sign-in refused', userMessage: INVALID_CREDENTIALS_MESSAGE })
  const res = NextResponse.json({ user: result.user })
  res.cookies.set(SESSION_COOKIE_NAME, result.token, sessionCookieOptions())
  return res
})
