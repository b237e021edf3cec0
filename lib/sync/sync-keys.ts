// Keys that make "the same sync" the same: one pending task per (operation, order) for parcel
// updates, per (order, line SKU) for a line's cancellation and per (merchant, SKU) for stock; one
// open issue per the same group.
import type { SyncOperation } from '@/lib/generated/prisma/enums'

export type SyncTarget = { merchantId: string; operation: SyncOperation; orderId?: string | null; sku?: string | null }

export function syncGroupKey(t: SyncTarget): string {
  if (t.operation === 'STOCK') {
    if (!t.sku) throw new Error('a STOCK sync needs a sku')
    return `STOCK:${t.merchantId}:${t.sku}`
  }
  if (!t.orderId) throw new Error(`a ${t.operation} sync needs an orderId`)
  if (t.operation === 'CANCEL') {
    if (!t.sku) throw new Error('a CANCEL sync needs the SKU of its line')
    return `CANCEL:${t.orderId}:${t.sku}`
  }
  return `${t.operation}:${t.orderId}`
}
