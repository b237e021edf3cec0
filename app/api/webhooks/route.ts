// GET /api/webhooks — the merchant's webhook endpoints; POST — add one (its secret is in this answer only)
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle, parseJsonBody } from '@/lib/http'
import { createWebhookEndpoint } from '@/lib/webhooks/create-webhook-endpoint'
import { CreateWebhookEndpointBodySchema } from '@/lib/webhooks/endpoint-input'
import { listWebhookEndpoints } from '@/lib/webhooks/list-webhook-endpoints'

export const GET = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'administer')
  return NextResponse.json({ endpoints: await listWebhookEndpoints({ merchantId: user.merchantId }) })
})

export const POST = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'administer')
  const input = await parseJsonBody(req, CreateWebhookEndpointBodySchema)
  const created = await createWebhookEndpoint({ merchantId: user.merchantId, actor: user.actor, input })
  return NextResponse.json(created, { status: 201, headers: { 'cache-control': 'no-store' } })
})
