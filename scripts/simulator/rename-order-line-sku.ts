// The staged "SKU changed on the 3PL side" failure (Cubyn's documented cause of Back Market's 404,
// docs/backmarket.md §1.9): our SKU of one line, and the product, renamed after the sale. It is a change to the
// order like any other, so it is a compare-and-set on it: two simulators cannot both stage it, and
// a validation computed from the old version loses.
import 'server-only'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { compareAndSetOrder } from '@/lib/warehouse/order-transition'

export async function renameOrderLineSku(opts: {
  merchantId: string
  order: { id: string; reference: string; version: number }
  lineId: string
  from: string
  to: string
}): Promise<void> {
  const { merchantId, order, lineId, from, to } = opts
  await db.$transaction(async (tx) => {
    await compareAndSetOrder(tx, { order: { ...order, merchantId, status: 'CREATED' }, data: {} })
    const { count } = await tx.orderLine.updateMany({ where: { id: lineId, orderId: order.id, merchantId, sku: from }, data: { sku: to } })
    if (count === 0) throw new AppError('conflict', { message: `line ${lineId} of order ${order.reference} no longer has SKU ${from}` })
    // If the new name is somebody else's product already, only the line moves.
    const taken = await tx.product.findUnique({ where: { merchantId_sku: { merchantId, sku: to } }, select: { id: true } })
    if (!taken) await tx.product.updateMany({ where: { merchantId, sku: from }, data: { sku: to } })
  })
}
