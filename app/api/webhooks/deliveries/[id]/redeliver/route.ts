// POST /api/webhooks/deliveries/[id]/redeliver — send a delivery once more, now, and answer how it went
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle } from '@/lib/http'
import { deliverWebhook } from '@/lib/webhooks/deliver'
import { webhookIdParam } from '@/lib/webhooks/webhook-id-param'

type Context = { params: Promise<{ id: string }> }

export const POST = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req, 'administer')
  const deliveryId = webhookIdParam((await params).id, 'Delivery not found')
  const result = await deliverWebhook({ deliveryId, trigger: 'redeliver', merchantId: user.merchantId, actor: user.actor })
  return NextResponse.json({ result })
})
