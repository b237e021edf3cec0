// PATCH /api/webhooks/[id] — change an endpoint's events, description, or enable/disable it; DELETE — remove it
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle, parseJsonBody } from '@/lib/http'
import { deleteWebhookEndpoint } from '@/lib/webhooks/delete-webhook-endpoint'
import { UpdateWebhookEndpointBodySchema } from '@/lib/webhooks/endpoint-input'
import { updateWebhookEndpoint } from '@/lib/webhooks/update-webhook-endpoint'
import { webhookIdParam } from '@/lib/webhooks/webhook-id-param'

type Context = { params: Promise<{ id: string }> }

export const PATCH = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req, 'administer')
  const id = webhookIdParam((await params).id)
  const input = await parseJsonBody(req, UpdateWebhookEndpointBodySchema)
  return NextResponse.json({ endpoint: await updateWebhookEndpoint({ merchantId: user.merchantId, id, input, actor: user.actor }) })
})

export const DELETE = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req, 'administer')
  await deleteWebhookEndpoint({ merchantId: user.merchantId, id: webhookIdParam((await params).id), actor: user.actor })
  return new NextResponse(null, { status: 204 })
})
