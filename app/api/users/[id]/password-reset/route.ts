// POST /api/users/[id]/password-reset — a one-time password-reset link for an active user: emailed when SMTP is set, else in this answer only; another admin's only by email (409 otherwise)
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { mailEnv } from '@/lib/env'
import { handle } from '@/lib/http'
import { handOverLink } from '@/lib/users/hand-over-link'
import { issuePasswordReset } from '@/lib/users/issue-password-reset'
import { linkOrigin } from '@/lib/users/link-origin'

type Context = { params: Promise<{ id: string }> }

export const POST = handle(async (req: Request, { params }: Context) => {
  const admin = await requireApiUser(req, 'administer')
  const { id } = await params
  const canEmail = mailEnv().SMTP_URL !== undefined
  const { user, mail, mustEmail, token, expiresAt } = await issuePasswordReset({ merchantId: admin.merchantId, userId: id, actor: admin.actor, canEmail })
  const handed = await handOverLink({ kind: 'PASSWORD_RESET', origin: linkOrigin(req), token, expiresAt, to: user.email, name: user.name, merchantName: admin.merchantName, mail, mustEmail })
  return NextResponse.json(handed, { status: 201, headers: { 'cache-control': 'no-store' } })
})
