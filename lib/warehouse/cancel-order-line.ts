// The warehouse cancels one line of an order (warehouse event order.line_cancelled): it will not
// be prepared, and Back Market is told with the call the line's state calls for — cancelled
// before acceptance (4), refunded before shipping (5), refunded after shipping (6, with the
// return reason Back Market asks for) — through a CANCEL task committed with the change (the
// outbox). When no line is left, the order is cancelled too if our flow allows it
// (line-cancel-rules.ts); a packed or shipped order keeps its status.
//
// Idempotent: a line already cancelled on our side answers `already_cancelled` and sends nothing.
import 'server-only'
import { z } from 'zod'
import { isLineEnded } from '@/lib/backmarket/cancel-transition'
import { RETURN_REASONS } from '@/lib/backmarket/states'
import { AppError, fromZodError } from '@/lib/errors'
import type { SyncTask } from '@/lib/generated/prisma/client'
import { plainText } from '@/lib/input/plain-text'
import type { CancelPayload } from '@/lib/sync/operations/cancel-orderline'
import { orderStatusAfterLineCancel, planLineCancel } from './line-cancel-rules'
import { compareAndSetOrder, findFlowOrderOrThrow, pickFlowOrder, transitionOrder, type FlowOrder } from './order-transition'
import { withOutbox, type Outbox, type SyncOrigin, type Tx } from './with-outbox'

export const CancelLineInputSchema = z.object({
  merchantId: z.uuid(),
  reference: z.string(),
  sku: plainText().trim().min(1, { error: 'Enter the SKU' }).max(200),
  returnReason: z.union(RETURN_REASONS.map((r) => z.literal(r)), { error: 'Not a Back Market return reason' }).optional(),
  returnMessage: plainText({ multiline: true }).trim().min(1).max(500, { error: 'At most 500 characters' }).optional(),
})

export type CancelOrderLineOptions = z.input<typeof CancelLineInputSchema> & { origin?: SyncOrigin }

export type CancelOrderLineResult = {
  outcome: 'cancelled' | 'already_cancelled'
  order: FlowOrder
  /** The new_state sent to Back Market; null when it had the line ended already, or nothing was done. */
  newState: 4 | 5 | 6 | null
  task: SyncTask | null
}

export type LineToCancel = { id: string; sku: string; listing: string; bmOrderlineId: bigint; bmState: number; cancelledAt: Date | null }
const lineSelect = { id: true, sku: true, listing: true, bmOrderlineId: true, bmState: true, cancelledAt: true } as const

export async function cancelOrderLine(opts: CancelOrderLineOptions): Promise<CancelOrderLineResult> {
  return withOutbox((tx, outbox) => cancelOrderLineIn(tx, outbox, opts))
}

/** cancelOrderLine inside the caller's transaction (the warehouse event processor's). */
export async function cancelOrderLineIn(tx: Tx, outbox: Outbox, opts: CancelOrderLineOptions): Promise<CancelOrderLineResult> {
  const parsed = CancelLineInputSchema.safeParse(opts)
  if (!parsed.success) throw fromZodError(parsed.error)
  const { merchantId, reference, sku, returnReason, returnMessage } = parsed.data

  const found = await findFlowOrderOrThrow(tx, { merchantId, reference }, { lines: { select: lineSelect } })
  const order = pickFlowOrder(found)
  // Our SKU first (what the warehouse knows); Back Market's listing for a WMS that reports that one.
  const line = found.lines.find((l) => l.sku === sku) ?? found.lines.find((l) => l.listing === sku)
  if (!line) {
    throw new AppError('not_found', {
      message: `order ${reference} of merchant ${merchantId} has no line with SKU ${sku}`,
      userMessage: `Order ${reference} has no line with SKU ${sku}.`,
      fields: { sku: [`No line of order ${reference} has this SKU`] },
    })
  }
  if (line.cancelledAt) return { outcome: 'already_cancelled', order, newState: null, task: null }

  const sent = await cancelLineIn(tx, outbox, { order, line, returnReason, returnMessage, origin: opts.origin ?? 'flow' })
  if (sent === 'taken') return { outcome: 'already_cancelled', order, newState: null, task: null }
  const linesLeft = found.lines.filter((l) => l.id !== line.id && !l.cancelledAt && !isLineEnded(l.bmState)).length
  const status = orderStatusAfterLineCancel(order.status, linesLeft)
  const saved = status === order.status ? await compareAndSetOrder(tx, { order, data: {} }) : await transitionOrder(tx, { order, to: status })
  return { outcome: 'cancelled', order: saved, newState: sent.newState, task: sent.task }
}

/**
 * One line's cancellation, without touching the order: marks the line (a compare-and-set: of two
 * concurrent cancellations one wins, the other gets 'taken') and queues the CANCEL task its plan
 * calls for. A plan Back Market cannot take is refused with the rule named, before any write.
 */
export async function cancelLineIn(
  tx: Tx,
  outbox: Outbox,
  opts: { order: FlowOrder; line: LineToCancel; returnReason?: number; returnMessage?: string; origin: SyncOrigin },
): Promise<{ newState: 4 | 5 | 6 | null; task: SyncTask | null } | 'taken'> {
  const { order, line } = opts
  const plan = planLineCancel({ lineState: line.bmState, orderStatus: order.status, hasReturnReason: opts.returnReason !== undefined })
  if (plan.action === 'refuse') throw refusal(plan.rule, order.reference, line.sku)

  const { count } = await tx.orderLine.updateMany({ where: { id: line.id, cancelledAt: null }, data: { cancelledAt: new Date() } })
  if (count === 0) return 'taken'
  if (plan.action === 'already_ended') return { newState: null, task: null }

  const payload: CancelPayload = {
    orderlineId: String(line.bmOrderlineId),
    sku: line.listing,
    newState: plan.newState,
    ...(opts.returnReason !== undefined ? { returnReason: opts.returnReason } : {}),
    ...(opts.returnMessage !== undefined ? { returnMessage: opts.returnMessage } : {}),
  }
  const { task } = await outbox.add({ operation: 'CANCEL', orderId: order.id, sku: line.sku, merchantId: order.merchantId, origin: opts.origin, payload })
  return { newState: plan.newState, task }
}

function refusal(rule: 'line_not_released' | 'return_reason_required', reference: string, sku: string): AppError {
  if (rule === 'return_reason_required') {
    return new AppError('unprocessable', {
      message: `line ${sku} of order ${reference} has shipped: refunding it needs a return reason`,
      userMessage: `Line ${sku} has shipped: Back Market refunds it only with a return reason.`,
      fields: { returnReason: ['Required once the line has shipped (a refund after shipping)'] },
      details: { rule },
    })
  }
  return new AppError('conflict', {
    message: `line ${sku} of order ${reference} is not released by Back Market (payment or partner check)`,
    userMessage: `Back Market is still checking the payment for line ${sku}; it cannot be cancelled yet.`,
    details: { rule },
  })
}
