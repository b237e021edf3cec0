// Changes an endpoint's events, description, or whether it is enabled. Enabling it again (after
// it was disabled for failing) starts its failure clock afresh.
import 'server-only'
import type { z } from 'zod'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { UpdateWebhookEndpointBodySchema } from './endpoint-input'
import { toEndpointView, type WebhookEndpointView } from './endpoint-view'

export async function findEndpointOrThrow(merchantId: string, id: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id, merchantId } })
  if (!endpoint) throw new AppError('not_found', { userMessage: 'Webhook endpoint not found' })
  return endpoint
}

export async function updateWebhookEndpoint(opts: {
  merchantId: string
  id: string
  input: z.output<typeof UpdateWebhookEndpointBodySchema>
}): Promise<WebhookEndpointView> {
  const { input } = opts
  const enabling = input.enabled === true ? { disabledAt: null, disabledReason: null, failingSince: null } : {}
  const disabling = input.enabled === false ? { disabledAt: new Date(), disabledReason: 'by_merchant' } : {}
  // One statement scoped to the merchant: an endpoint deleted meanwhile is a 404, not an update
  // that finds no row (a 500).
  const [updated] = await db.webhookEndpoint.updateManyAndReturn({
    where: { id: opts.id, merchantId: opts.merchantId },
    data: {
      ...(input.events ? { events: input.events } : {}),
      ...(input.description !== undefined ? { description: input.description || null } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...enabling,
      ...disabling,
    },
  })
  if (!updated) throw new AppError('not_found', { userMessage: 'Webhook endpoint not found' })
  return toEndpointView(updated)
}
