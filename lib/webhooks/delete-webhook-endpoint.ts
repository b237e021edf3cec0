// Removes an endpoint with its deliveries and their log (cascade): nothing more is sent to it.
import 'server-only'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'

export async function deleteWebhookEndpoint(opts: { merchantId: string; id: string }): Promise<void> {
  const { count } = await db.webhookEndpoint.deleteMany({ where: { id: opts.id, merchantId: opts.merchantId } })
  if (count === 0) throw new AppError('not_found', { userMessage: 'Webhook endpoint not found' })
}
