// Where an order stands in the words the merchant knows from Back Market's back office: our
// status mapped onto Back Market's tabs (docs/backmarket.md §1.6). Pure: the connection-issues page and the
// status panel use it beside the sync engine's errors, so it lives below both.
import type { OrderStatus } from '@/lib/generated/prisma/enums'

/** The merchant-facing stage, named as Back Market names its tabs. */
export type BackMarketStage = 'to_accept' | 'waiting_for_fulfillment' | 'fulfilled' | 'cancelled'

export function backMarketStage(status: OrderStatus): BackMarketStage {
  switch (status) {
    case 'CREATED':
      return 'to_accept'
    case 'VALIDATED':
    case 'PICKING':
    case 'PACKED':
      return 'waiting_for_fulfillment'
    case 'IN_TRANSIT':
    case 'DELIVERED':
      return 'fulfilled'
    case 'CANCELLED':
      return 'cancelled'
  }
}
