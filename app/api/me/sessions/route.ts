// GET /api/me/sessions — the signed-in person's open sessions (browser, address, last seen, which one is this)
import { NextResponse } from 'next/server'
import { requireApiSession } from '@/lib/auth/require-api-user'
import { handle } from '@/lib/http'
import { listSessions } from '@/lib/users/list-sessions'

export const GET = handle(async (req: Request) => {
  const session = await requireApiSession(req)
  return NextResponse.json({ sessions: await listSessions({ session }) })
})
