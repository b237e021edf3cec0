// The merchant API's orders: list them, read one, re-sync one, list those blocked by their
// address (issue 9 item 3). The query parameters are the dashboard's own (ListOrdersQuerySchema,
// ListAddressErrorsQuerySchema), with a cursor instead of page numbers.
import { z } from 'zod'
import { cursorPageSchema, cursorQuery } from '@/lib/api-v1/cursor'
import { defineOperation } from '@/lib/api-v1/operation'
import { AddressErrorSchema } from '@/lib/api-v1/schemas/address-error'
import { OrderDetailSchema, OrderSummarySchema } from '@/lib/api-v1/schemas/order'
import { OrderPositionCursor } from '@/lib/api-v1/schemas/order-position-cursor'
import { SyncTaskSchema } from '@/lib/api-v1/schemas/sync-task'
import { ListAddressErrorsQuerySchema } from '@/lib/orders/list-address-errors-query'
import { ListOrdersQuerySchema } from '@/lib/orders/list-orders-query'
import { OrderReferenceSchema } from '@/lib/orders/order-reference'

const ReferenceParams = z.object({ reference: OrderReferenceSchema.describe("Back Market's order_id.") })

export const listOrdersOperation = defineOperation({
  operationId: 'listOrders',
  method: 'GET',
  path: '/orders',
  summary: 'List orders',
  description:
    'The merchant\'s orders, newest first (by the date placed on Back Market), each with its Back Market state and the newest sync of each operation. ' +
    'Follow `nextCursor` until it is null: a walk neither repeats nor skips an order, even while orders arrive.',
  tags: ['Orders'],
  scope: 'sync:read',
  query: ListOrdersQuerySchema.pick({ q: true, status: true }).extend(cursorQuery(OrderPositionCursor)),
  responses: { 200: { description: 'A page of orders.', schema: cursorPageSchema(OrderSummarySchema).meta({ id: 'OrderPage' }) } },
})

export const getOrderOperation = defineOperation({
  operationId: 'getOrder',
  method: 'GET',
  path: '/orders/{reference}',
  summary: 'Read an order',
  description: 'The order with its lines, shipping address, what blocks it (our address check, a carrier\'s refusal), its Back Market state and its syncs.',
  tags: ['Orders'],
  scope: 'sync:read',
  params: ReferenceParams,
  responses: { 200: { description: 'The order.', schema: z.object({ order: OrderDetailSchema }) } },
})

export const resyncOrderOperation = defineOperation({
  operationId: 'resyncOrder',
  method: 'POST',
  path: '/orders/{reference}/sync',
  summary: 'Re-sync an order with Back Market',
  description:
    'Queues the update Back Market needs for the order as it stands (accept, or ship with its tracking), or joins the one already pending: nothing is sent twice. ' +
    'Follow the task at `Location`. A 409 says why there is nothing to send (not validated yet, cancelled, no tracking number), with `details.refusal.code`.',
  tags: ['Orders'],
  scope: 'sync:write',
  idempotent: true,
  params: ReferenceParams,
  responses: {
    202: {
      description: 'Queued, or joined to the pending sync (`created: false`).',
      schema: z.object({ sync: SyncTaskSchema, created: z.boolean().describe('False when a pending sync of the order was joined.') }),
      headers: { Location: 'Where to follow the sync: /api/v1/sync-tasks/{id}.' },
    },
  },
})

export const listAddressErrorsOperation = defineOperation({
  operationId: 'listAddressErrors',
  method: 'GET',
  path: '/address-errors',
  summary: 'List orders blocked by their address',
  description:
    'The orders not validated yet because our address check found an error or a carrier refused the address, newest first, each with the cut-off that applies. ' +
    'They leave the list when the address is fixed (in the dashboard\'s Errors tab).',
  tags: ['Orders'],
  scope: 'sync:read',
  query: ListAddressErrorsQuerySchema.pick({ q: true }).extend(cursorQuery(OrderPositionCursor)),
  responses: { 200: { description: 'A page of blocked orders.', schema: cursorPageSchema(AddressErrorSchema).meta({ id: 'AddressErrorPage' }) } },
})
