// GET /api/users — the merchant's people (status, last seen); POST — invite someone: emailed when SMTP is set, else the link in this answer only
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle, parseJsonBody } from '@/lib/http'
import { handOverLink } from '@/lib/users/hand-over-link'
import { inviteMerchantUser } from '@/lib/users/invite-merchant-user'
import { linkOrigin } from '@/lib/users/link-origin'
import { listUsers } from '@/lib/users/list-users'
import { InviteUserSchema } from '@/lib/users/user-schemas'

export const GET = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'administer')
  return NextResponse.json({ users: await listUsers({ merchantId: user.merchantId }) })
})

export const POST = handle(async (req: Request) => {
  const admin = await requireApiUser(req, 'administer')
  const body = await parseJsonBody(req, InviteUserSchema)
  const { userId, token, expiresAt, mail } = await inviteMerchantUser({ merchantId: admin.merchantId, actor: admin.actor, ...body })
  const handed = await handOverLink({ kind: 'INVITATION', origin: linkOrigin(req), token, expiresAt, to: body.email, name: body.name, merchantName: admin.merchantName, mail })
  // no-store: the one answer that may hold the link must not sit in a cache.
  return NextResponse.json(
    { user: { id: userId, email: body.email, name: body.name, role: body.role, status: 'invited' }, ...handed },
    { status: 201, headers: { 'cache-control': 'no-store' } },
  )
})
