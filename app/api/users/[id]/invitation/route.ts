// POST /api/users/[id]/invitation — a new invitation link for someone who has not accepted (the older link stops working); emailed when SMTP is set, else in this answer only
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle } from '@/lib/http'
import { handOverLink } from '@/lib/users/hand-over-link'
import { linkOrigin } from '@/lib/users/link-origin'
import { reissueInvitation } from '@/lib/users/reissue-invitation'

type Context = { params: Promise<{ id: string }> }

export const POST = handle(async (req: Request, { params }: Context) => {
  const admin = await requireApiUser(req, 'administer')
  const { id } = await params
  const { user, mail, token, expiresAt } = await reissueInvitation({ merchantId: admin.merchantId, userId: id, actor: admin.actor })
  const handed = await handOverLink({ kind: 'INVITATION', origin: linkOrigin(req), token, expiresAt, to: user.email, name: user.name, merchantName: admin.merchantName, mail })
  return NextResponse.json(handed, { status: 201, headers: { 'cache-control': 'no-store' } })
})
