// GET /api/staff/merchants — every merchant, most in need of a call first (staff); POST — onboard a merchant and invite its first admin (the link emailed, else in this answer only)
import { NextResponse } from 'next/server'
import { handle, parseJsonBody, parseSearchParams } from '@/lib/http'
import { dailyOutcomes } from '@/lib/sync/daily-outcomes'
import { listMerchantsOverview } from '@/lib/staff/merchants-overview'
import { onboardMerchant } from '@/lib/staff/onboard-merchant'
import { OnboardMerchantSchema } from '@/lib/staff/onboard-merchant-schema'
import { MerchantsOverviewQuerySchema } from '@/lib/staff/overview-query'
import { handOverLink } from '@/lib/users/hand-over-link'
import { linkOrigin } from '@/lib/users/link-origin'
import { requireApiStaff } from '@/lib/auth/require-api-user'

export const GET = handle(async (req: Request) => {
  const { user } = await requireApiStaff(req)
  const { page } = parseSearchParams(req.url, MerchantsOverviewQuerySchema)
  const overview = await listMerchantsOverview({ page })
  const outcomes = await dailyOutcomes({ merchantIds: overview.rows.map((r) => r.id), timeZone: user.timeZone })
  return NextResponse.json({ ...overview, rows: overview.rows.map((r) => ({ ...r, outcomes: outcomes.get(r.id) ?? [] })) })
})

export const POST = handle(async (req: Request) => {
  const { user } = await requireApiStaff(req)
  const body = await parseJsonBody(req, OnboardMerchantSchema)
  const onboarded = await onboardMerchant({ actor: user.actor, input: body })
  // After the commit: a mail server that is down must not undo the onboarding (the link is then
  // shown to hand over). A link that reached the admin's mailbox is not shown: like every
  // one-time link (lib/users/hand-over-link.ts), it is only ever in one person's hands.
  const { link, emailed } = await handOverLink({
    kind: 'INVITATION',
    origin: linkOrigin(req),
    token: onboarded.invitation.token,
    expiresAt: onboarded.invitation.expiresAt,
    to: onboarded.admin.email,
    name: onboarded.admin.name,
    merchantName: onboarded.merchant.name,
    mail: { locale: onboarded.merchant.locale, timeZone: onboarded.merchant.timeZone },
  })
  const invitation = { ...link, emailed }
  // no-store: the one answer that holds the link must not sit in a cache.
  return NextResponse.json({ merchant: onboarded.merchant, admin: onboarded.admin, invitation }, { status: 201, headers: { 'cache-control': 'no-store' } })
})
