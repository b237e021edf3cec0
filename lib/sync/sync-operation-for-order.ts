// Which update Back Market needs for an order, from where our warehouse has it: a validated order
// needs its sale accepted; a shipped one needs the parcel shipped. Anything earlier has nothing
// to tell Back Market yet, and says why.
import type { OrderStatus } from '@/lib/generated/prisma/enums'
import type { RefusalCode } from './refusals'

export type ResyncPlan = { operation: 'ACCEPT' | 'SHIP' } | { operation: null; reason: RefusalCode }

export function syncOperationForOrder(status: OrderStatus, hasAddressErrors: boolean): ResyncPlan {
  switch (status) {
    case 'CREATED':
      return {
        operation: null,
        reason: hasAddressErrors ? 'not_validated_address_errors' : 'not_validated',
      }
    case 'VALIDATED':
    case 'PICKING':
    case 'PACKED':
      return { operation: 'ACCEPT' }
    case 'IN_TRANSIT':
    case 'DELIVERED':
      return { operation: 'SHIP' }
    case 'CANCELLED':
      return { operation: null, reason: 'cancelled' }
  }
}
