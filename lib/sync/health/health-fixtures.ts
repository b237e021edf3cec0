// Test helpers for the banner's summary: what is kept for a merchant (the summary row and its
// failure groups), in a shape two readings can be compared in, field by field.
import { db } from '@/lib/db'

export async function keptHealth(merchantId: string) {
  const summary = await db.merchantHealth.findUnique({ where: { merchantId }, omit: { version: true, updatedAt: true } })
  const groups = await db.syncFailureGroup.findMany({ where: { merchantId }, omit: { id: true }, orderBy: { groupKey: 'asc' } })
  return { summary, groups }
}
