// Our warehouse status, and Back Market's order/line state, as badges with their names.
import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { OrderStatus } from '@/lib/generated/prisma/enums'
import { bmOrderlineStateLabel, bmOrderStateLabel, ORDER_STATUS_LABELS } from '@/lib/orders/order-states'

const STATUS_TONES: Record<OrderStatus, BadgeTone> = {
  CREATED: 'neutral',
  VALIDATED: 'accent',
  PICKING: 'accent',
  PACKED: 'accent',
  IN_TRANSIT: 'accent',
  DELIVERED: 'success',
  CANCELLED: 'danger',
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{ORDER_STATUS_LABELS[status]}</Badge>
}

export function BmOrderStateBadge({ state, tone = 'neutral' }: { state: number; tone?: BadgeTone }) {
  return <Badge tone={tone}>{bmOrderStateLabel(state)}</Badge>
}

export function BmLineStateBadge({ state, tone = 'neutral' }: { state: number; tone?: BadgeTone }) {
  return <Badge tone={tone}>{bmOrderlineStateLabel(state)}</Badge>
}
