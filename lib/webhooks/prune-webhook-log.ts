// The delivery log is kept 30 days: older messages whose deliveries have all ended (succeeded,
// given up, or their endpoint disabled) go, with their deliveries and attempts (cascade). A
// message still being retried stays whatever its age (it cannot be, past 72 hours, but a stuck
// row is better seen than silently removed).
import 'server-only'
import { db } from '@/lib/db'

export const LOG_RETENTION_DAYS = 30

export async function pruneWebhookLog(opts: { now?: Date } = {}): Promise<number> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - LOG_RETENTION_DAYS * 24 * 3_600_000)
  const { count } = await db.webhookMessage.deleteMany({ where: { createdAt: { lt: cutoff }, deliveries: { none: { status: 'PENDING' } } } })
  return count
}
