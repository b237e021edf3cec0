// Cancels the order in our warehouse (from CREATED, VALIDATED or PICKING; order-flow.ts), and
// every line still open with it, through the same path as one line (cancel-order-line.ts): each
// line Back Market has released is cancelled there (4 before acceptance, 5 after) by a CANCEL task
// committed with the change. Lines Back Market has not released (payment still checked) cannot be
// cancelled by the seller: they are stopped on our side only, and Back Market's own outcome for
// them reaches us through the import. A cancel that comes FROM Back Market arrives that way too.
import 'server-only'
import { isLineEnded } from '@/lib/backmarket/cancel-transition'
import { AppError } from '@/lib/errors'
import { cancelLineIn } from './cancel-order-line'
import { assertTransition } from './order-flow'
import { findFlowOrderOrThrow, pickFlowOrder, transitionOrder, type FlowOptions, type FlowOrder } from './order-transition'
import { withOutbox } from './with-outbox'

export async function cancelOrder(opts: FlowOptions): Promise<FlowOrder> {
  return withOutbox(async (tx, outbox) => {
    const found = await findFlowOrderOrThrow(tx, opts, {
      lines: { select: { id: true, sku: true, listing: true, bmOrderlineId: true, bmState: true, cancelledAt: true } },
    })
    const order = pickFlowOrder(found)
    assertTransition(order.status, 'CANCELLED')
    // The order's version first: a change since the caller read it refuses the whole cancel.
    const cancelled = await transitionOrder(tx, { order, to: 'CANCELLED', expectedVersion: opts.expectedVersion })
    for (const line of found.lines) {
      if (line.cancelledAt || isLineEnded(line.bmState)) continue
      await cancelLineIn(tx, outbox, { order, line, origin: opts.origin ?? 'flow' }).catch(async (err: unknown) => {
        if (!(err instanceof AppError && err.code === 'conflict')) throw err
        await tx.orderLine.updateMany({ where: { id: line.id, cancelledAt: null }, data: { cancelledAt: new Date() } })
      })
    }
    return cancelled
  })
}
