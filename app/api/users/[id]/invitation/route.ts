// POST /api/users/[id]/invitation — a new invitation link for someone who has not accepted (the older link stops working)
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle } from '@/lib/http'
import { deliverInvitation, oneTimeLinkUrl } from '@/lib/users/invite-user'
import { linkOrigin } from '@/lib/users/link-origin'
import { reissueInvitation } from '@/lib/users/reissue-invitation'

type Context = { params: Promise<{ id: string }> }

export const POST = handle(async (req: Request, { params }: Context) => {
  const admin = await requireApiUser(req, 'administer')
  const { id } = await params
  const { user, token, expiresAt } = await reissueInvitation({ merchantId: admin.merchantId, userId: id, actor: admin.actor })
  const url = oneTimeLinkUrl(linkOrigin(req), 'INVITATION', token)
  const { emailed } = await deliverInvitation({ to: user.email, name: user.name, merchantName: admin.merchantName, url, expiresAt, locale: user.locale ?? admin.locale })
  return NextResponse.json({ link: { url, expiresAt: expiresAt.toISOString() }, emailed }, { status: 201, headers: { 'cache-control': 'no-store' } })
})
