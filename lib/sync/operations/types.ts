import type { BmOrder } from '@/lib/backmarket/schemas'

export type SyncOrder = {
  id: string
  reference: string
  lines: { id: string; bmOrderlineId: string; sku: string; listing: string }[]
}

export type OperationResult = {
  /** applied: we sent the change; already_applied: a read-back showed Back Market had it. */
  outcome: 'applied' | 'already_applied'
  /** A read-back after the write confirmed Back Market's state. */
  verified: boolean
  /** Back Market's order as last seen during the operation, to refresh our copy. */
  bmOrder: BmOrder | null
}
