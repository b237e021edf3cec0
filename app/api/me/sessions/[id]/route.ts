// DELETE /api/me/sessions/[id] — sign one of one's own sessions out (another person's id: 404)
import { NextResponse } from 'next/server'
import { requireApiSession } from '@/lib/auth/require-api-user'
import { clearedSessionCookieOptions, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import { handle } from '@/lib/http'
import { revokeSession } from '@/lib/users/revoke-session'

type Context = { params: Promise<{ id: string }> }

export const DELETE = handle(async (req: Request, { params }: Context) => {
  const { sessionId, user } = await requireApiSession(req)
  const { id } = await params
  const result = await revokeSession({ user, publicId: id, currentSessionId: sessionId })
  const res = NextResponse.json({ session: result })
  // Signing out this very browser: its cookie goes too.
  if (result.current) res.cookies.set(SESSION_COOKIE_NAME, '', clearedSessionCookieOptions())
  return res
})
