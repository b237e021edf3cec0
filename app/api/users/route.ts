// GET /api/users — the merchant's people (status, last seen); POST — invite someone: the link in this answer only (+ emailed when SMTP is set)
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle, parseJsonBody } from '@/lib/http'
import { deliverInvitation, oneTimeLinkUrl } from '@/lib/users/invite-user'
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
  const { userId, token, expiresAt } = await inviteMerchantUser({ merchantId: admin.merchantId, actor: admin.actor, ...body })
  const url = oneTimeLinkUrl(linkOrigin(req), 'INVITATION', token)
  const { emailed } = await deliverInvitation({ to: body.email, name: body.name, merchantName: admin.merchantName, url, expiresAt, locale: admin.locale })
  // no-store: the one answer that holds the link must not sit in a cache.
  return NextResponse.json(
    { user: { id: userId, email: body.email, name: body.name, role: body.role, status: 'invited' }, link: { url, expiresAt: expiresAt.toISOString() }, emailed },
    { status: 201, headers: { 'cache-control': 'no-store' } },
  )
})
