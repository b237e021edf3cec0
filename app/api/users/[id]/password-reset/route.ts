// POST /api/users/[id]/password-reset — a one-time password-reset link for an active user (shown once; emailed when SMTP is set)
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle } from '@/lib/http'
import { deliverPasswordReset } from '@/lib/users/deliver-password-reset'
import { issuePasswordReset } from '@/lib/users/issue-password-reset'
import { linkOrigin } from '@/lib/users/link-origin'
import { oneTimeLinkUrl } from '@/lib/users/one-time-link'

type Context = { params: Promise<{ id: string }> }

export const POST = handle(async (req: Request, { params }: Context) => {
  const admin = await requireApiUser(req, 'administer')
  const { id } = await params
  const { user, token, expiresAt } = await issuePasswordReset({ merchantId: admin.merchantId, userId: id, actor: admin.actor })
  const url = oneTimeLinkUrl(linkOrigin(req), 'PASSWORD_RESET', token)
  const { emailed } = await deliverPasswordReset({ to: user.email, name: user.name, merchantName: admin.merchantName, url, expiresAt, locale: user.locale ?? admin.locale })
  return NextResponse.json({ link: { url, expiresAt: expiresAt.toISOString() }, emailed }, { status: 201, headers: { 'cache-control': 'no-store' } })
})
