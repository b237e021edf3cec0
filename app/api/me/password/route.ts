// POST /api/me/password — change one's password (current + new); one's other sessions end
import { NextResponse } from 'next/server'
import { requireApiSession } from '@/lib/auth/require-api-user'
import { handle, parseJsonBody } from '@/lib/http'
import { changePassword } from '@/lib/users/change-password'
import { ChangePasswordSchema } from '@/lib/users/user-schemas'

export const POST = handle(async (req: Request) => {
  const session = await requireApiSession(req)
  const body = await parseJsonBody(req, ChangePasswordSchema)
  return NextResponse.json(await changePassword({ session, ...body }))
})
