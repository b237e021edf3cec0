// Our warehouse status, and Back Market's order/line state, as badges with their names.
import { getTranslations } from 'next-intl/server'
import { stateLabels } from '@/components/orders/state-labels'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { OrderStatus } from '@/lib/generated/prisma/enums'

const STATUS_TONES: Record<OrderStatus, BadgeTone> = {
  CREATED: 'neutral',
  VALIDATED: 'accent',
  PICKING: 'accent',
  PACKED: 'accent',
  IN_TRANSIT: 'accent',
  DELIVERED: 'success',
  CANCELLED: 'danger',
}

const labels = async () => stateLabels(await getTranslations('orders.states'))

export async function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{(await labels()).orderStatus(status)}</Badge>
}

export async function BmOrderStateBadge({ state, tone = 'neutral' }: { state: number; tone?: BadgeTone }) {
  return <Badge tone={tone}>{(await labels()).bmOrderState(state)}</Badge>
}

export async function BmLineStateBadge({ state, tone = 'neutral' }: { state: number; tone?: BadgeTone }) {
  return <Badge tone={tone}>{(await labels()).bmLineState(state)}</Badge>
}
