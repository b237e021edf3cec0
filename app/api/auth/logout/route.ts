// POST /api/auth/logout — end the current session and clear its cookie
import { NextResponse } from 'next/server'
import { deleteSession } from '@/lib/auth/delete-session'
import { requireApiSession } from '@/lib/auth/require-api-user'
import { clearedSessionCookieOptions, SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import { handle } from '@/lib/http'

export const POST = handle(async (req: Request) => {
  const session = await requireApiSession(req)
  await deleteSession({ sessionId: session.sessionId })
  const res = new NextResponse(null, { status: 204 })
  res.cookies.set(SESSION_COOKIE_NAME, '', clearedSessionCookieOptions())
  return res
})
