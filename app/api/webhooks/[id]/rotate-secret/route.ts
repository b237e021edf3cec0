// POST /api/webhooks/[id]/rotate-secret — a new signing secret (in this answer only); the old one signs beside it for 24 h
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle } from '@/lib/http'
import { rotateWebhookSecret } from '@/lib/webhooks/rotate-webhook-secret'
import { webhookIdParam } from '@/lib/webhooks/webhook-id-param'

type Context = { params: Promise<{ id: string }> }

export const POST = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req, 'administer')
  const rotated = await rotateWebhookSecret({ merchantId: user.merchantId, id: webhookIdParam((await params).id), actor: user.actor })
  return NextResponse.json(rotated, { headers: { 'cache-control': 'no-store' } })
})
