// PATCH /api/users/[id] — change someone's role; DELETE — remove them (sessions end). The last active admin stays (409).
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle, parseJsonBody } from '@/lib/http'
import { changeUserRole } from '@/lib/users/change-user-role'
import { deactivateUser } from '@/lib/users/deactivate-user'
import { UpdateUserSchema } from '@/lib/users/user-schemas'

type Context = { params: Promise<{ id: string }> }

export const PATCH = handle(async (req: Request, { params }: Context) => {
  const admin = await requireApiUser(req, 'administer')
  const [{ id }, body] = await Promise.all([params, parseJsonBody(req, UpdateUserSchema)])
  return NextResponse.json({ user: await changeUserRole({ merchantId: admin.merchantId, userId: id, role: body.role, actor: admin.actor }) })
})

export const DELETE = handle(async (req: Request, { params }: Context) => {
  const admin = await requireApiUser(req, 'administer')
  const { id } = await params
  return NextResponse.json({ user: await deactivateUser({ merchantId: admin.merchantId, userId: id, actor: admin.actor }) })
})
