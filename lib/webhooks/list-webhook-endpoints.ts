// The merchant's endpoints, newest first, as the webhooks page shows them.
import 'server-only'
import { db } from '@/lib/db'
import { DISABLED_FAILING } from './retry-schedule'
import { toEndpointView, type WebhookEndpointView } from './endpoint-view'

export async function listWebhookEndpoints(opts: { merchantId: string }): Promise<WebhookEndpointView[]> {
  const rows = await db.webhookEndpoint.findMany({ where: { merchantId: opts.merchantId }, orderBy: { createdAt: 'desc' } })
  const now = new Date()
  return rows.map((e) => toEndpointView(e, now))
}

/** Endpoints disabled for failing too long, for the notice beside the connection banner. */
export async function countDisabledWebhookEndpoints(opts: { merchantId: string }): Promise<number> {
  return db.webhookEndpoint.count({ where: { merchantId: opts.merchantId, enabled: false, disabledReason: DISABLED_FAILING } })
}
