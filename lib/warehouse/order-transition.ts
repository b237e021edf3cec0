// What every warehouse operation shares: finding the merchant's order, and moving it with a
// compare-and-set on (id, status, version), so two writers (two tabs, two app instances, the
// simulator) can never both apply a change computed from the same state.
import 'server-only'
import { z } from 'zod'
import { AppError } from '@/lib/errors'
import type { OrderStatus, Prisma } from '@/lib/generated/prisma/client'
import { isOrderReference } from '@/lib/orders/order-reference'
import { assertTransition } from './order-flow'
import type { SyncOrigin, Tx } from './with-outbox'

/** Which order: our id, or the Back Market reference the merchant sees. */
export type OrderTarget = { orderId: string; reference?: undefined } | { reference: string; orderId?: undefined }

export type FlowOptions = OrderTarget & {
  merchantId: string
  /** The version the caller last saw (the UI sends it back): any change since then is a 409. */
  expectedVersion?: number
  /** Who asked, recorded on the sync task. */
  origin?: SyncOrigin
}

export type FlowOrder = { id: string; merchantId: string; reference: string; status: OrderStatus; version: number }

const Uuid = z.uuid()

/** Another merchant's order is "not found", exactly like one that does not exist. */
export async function findFlowOrderOrThrow<I extends Prisma.OrderInclude>(
  tx: Tx,
  target: OrderTarget & { merchantId: string },
  include: I,
): Promise<Prisma.OrderGetPayload<{ include: I }>> {
  const { merchantId, orderId, reference } = target
  const valid = orderId !== undefined ? Uuid.safeParse(orderId).success : isOrderReference(reference)
  const where = orderId !== undefined ? { id: orderId, merchantId } : { reference, merchantId }
  const order = valid ? await tx.order.findFirst({ where, include }) : null
  if (!order) {
    throw new AppError('not_found', {
      message: `order ${orderId ?? reference} not found for merchant ${merchantId}`,
      userMessage: 'Order not found.',
    })
  }
  return order as Prisma.OrderGetPayload<{ include: I }>
}

/** Writes `data` only if the order is still in the status and version it was read in. */
export async function compareAndSetOrder(
  tx: Tx,
  opts: { order: FlowOrder; expectedVersion?: number; data: Prisma.OrderUpdateManyMutationInput & { status?: OrderStatus } },
): Promise<FlowOrder> {
  const { order, data } = opts
  const version = opts.expectedVersion ?? order.version
  const { count } = await tx.order.updateMany({
    where: { id: order.id, merchantId: order.merchantId, status: order.status, version },
    data: { ...data, version: { increment: 1 } },
  })
  if (count === 0) {
    throw new AppError('conflict', {
      message: `order ${order.reference} changed since it was read (expected ${order.status} at version ${version})`,
      details: { expectedStatus: order.status, expectedVersion: version },
    })
  }
  return { ...order, status: data.status ?? order.status, version: version + 1 }
}

/** The state machine's guard, then the compare-and-set that applies it. */
export async function transitionOrder(
  tx: Tx,
  opts: { order: FlowOrder; to: OrderStatus; expectedVersion?: number; data?: Prisma.OrderUpdateManyMutationInput },
): Promise<FlowOrder> {
  assertTransition(opts.order.status, opts.to)
  return compareAndSetOrder(tx, { order: opts.order, expectedVersion: opts.expectedVersion, data: { ...opts.data, status: opts.to } })
}

export function pickFlowOrder(o: FlowOrder): FlowOrder {
  return { id: o.id, merchantId: o.merchantId, reference: o.reference, status: o.status, version: o.version }
}
