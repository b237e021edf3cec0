// Our warehouse statuses. The dashboard shows them in the merchant's language from
// messages/<locale>/orders.json (`orders.states`, see components/orders/state-labels.ts); the
// English names below are for texts that the API and the sync engine write (error messages).
// Back Market's state codes are lib/backmarket/states.ts, named only in those messages.
import type { OrderStatus } from '@/lib/generated/prisma/enums'

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  CREATED: 'Created',
  VALIDATED: 'Validated',
  PICKING: 'Picking',
  PACKED: 'Packed',
  IN_TRANSIT: 'In transit',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
}

export const ORDER_STATUSES = Object.keys(ORDER_STATUS_LABELS) as OrderStatus[]
