// Which update Back Market needs for an order, from where our warehouse has it: a validated order
// needs its sale accepted; a shipped one needs the parcel shipped. Anything earlier has nothing
// to tell Back Market yet, and says why.
import type { OrderStatus } from '@/lib/generated/prisma/enums'

export type ResyncPlan = { operation: 'ACCEPT' | 'SHIP' } | { operation: null; reason: string }

export function syncOperationForOrder(status: OrderStatus, hasAddressErrors: boolean): ResyncPlan {
  switch (status) {
    case 'CREATED':
      return {
        operation: null,
        reason: hasAddressErrors
          ? 'This order is not validated: its address has errors. Fix it in the Errors tab; validation then accepts the sale on Back Market.'
          : 'This order is not validated by the warehouse yet; its sale is accepted on Back Market when it is.',
      }
    case 'VALIDATED':
    case 'PICKING':
    case 'PACKED':
      return { operation: 'ACCEPT' }
    case 'IN_TRANSIT':
    case 'DELIVERED':
      return { operation: 'SHIP' }
    case 'CANCELLED':
      return { operation: null, reason: 'This order is cancelled: there is nothing to send to Back Market.' }
  }
}
