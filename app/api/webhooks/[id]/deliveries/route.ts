// GET /api/webhooks/[id]/deliveries — an endpoint's recent deliveries with their last attempts
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle } from '@/lib/http'
import { listWebhookDeliveries } from '@/lib/webhooks/list-webhook-deliveries'
import { webhookIdParam } from '@/lib/webhooks/webhook-id-param'

type Context = { params: Promise<{ id: string }> }

export const GET = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req, 'administer')
  const endpointId = webhookIdParam((await params).id)
  return NextResponse.json({ deliveries: await listWebhookDeliveries({ merchantId: user.merchantId, endpointId }) })
})
