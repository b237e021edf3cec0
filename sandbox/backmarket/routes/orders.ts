// GET /ws/orders, GET /ws/orders/{order_id}, POST /ws/orders/{order_id} — the seller's orders.
import type { FastifyInstance } from 'fastify'
import { accountOf, type SandboxContext } from '../context'
import { fail } from '../errors'
import { baseUrl, INT_STRING } from '../http'
import { filterOrders } from '../order-query'
import { applyOrderUpdate } from '../order-update'
import { paginate } from '../paginate'
import type { Account, Order } from '../types'

type Query = Record<string, string | undefined>

function orderOrThrow(account: Account, rawId: string): Order {
  if (!INT_STRING.test(rawId)) fail(400, 'validation-error', 'order_id must be an integer', { target: 'order_id' })
  const order = account.orders.get(Number(rawId))
  // Someone else's order is indistinguishable from a missing one.
  if (!order) fail(404, 'not-found', `Order ${rawId} not found`, { target: 'order_id' })
  return order
}

export function orderRoutes(app: FastifyInstance, ctx: SandboxContext) {
  app.get('/orders', async (req) => {
    const query = req.query as Query
    const orders = filterOrders(accountOf(req).orders.values(), query)
    return paginate(orders, query, baseUrl(req) + req.url)
  })

  app.get<{ Params: { order_id: string } }>('/orders/:order_id', async (req) => orderOrThrow(accountOf(req), req.params.order_id))

  app.post<{ Params: { order_id: string } }>('/orders/:order_id', async (req) => {
    const order = orderOrThrow(accountOf(req), req.params.order_id)
    applyOrderUpdate(order, req.body, ctx.now())
    ctx.store.changed()
    return order
  })
}
