// Which orders the Errors tab lists: blocked by their address. Either our last check found an
// error on an order the warehouse has not validated, or a carrier refused the address at label
// creation while the order is prepared (lib/addresses/carrier-rejection.ts). Once the parcel has
// left or the order is cancelled, a late refusal no longer blocks anything.
import type { OrderStatus } from '@/lib/generated/prisma/enums'
import type { Prisma } from '@/lib/generated/prisma/client'

/** Statuses in which a carrier's refusal blocks the order: a label is made while it is prepared. */
export const REJECTABLE_STATUSES: readonly OrderStatus[] = ['CREATED', 'VALIDATED', 'PICKING', 'PACKED']

export function addressBlockedWhere(merchantId: string): Prisma.OrderWhereInput {
  return {
    merchantId,
    OR: [
      { status: 'CREATED', addressIssues: { array_contains: [{ severity: 'error' }] } },
      { status: { in: [...REJECTABLE_STATUSES] }, carrierRejectedAt: { not: null } },
    ],
  }
}
