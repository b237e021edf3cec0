// /__sandbox/ — the test and dev control API (docs/sandbox-contract.md). No auth: loopback
// clients only, and no web page (perimeter.ts: no Origin, no cross-site fetch; Host checked for all).
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { SandboxContext } from '../context'
import { errorBody, fail } from '../errors'
import { bulkOrdersSchema, createOrders } from '../control-bulk'
import { createOrder, createOrderSchema, lineStateBodySchema, renameSku, renameSkuSchema, setLineState } from '../control-orders'
import { faultsSchema, NO_FAULTS } from '../faults'
import { makeListing } from '../fixtures'
import { isLoopback, parseOr400 } from '../http'
import { findListingBySku, setPublication } from '../listing-update'
import { refuseWebPages } from '../perimeter'

const accountSchema = z.object({ token: z.string().min(1), name: z.string().optional() })
const listingSchema = z.object({
  token: z.string().min(1),
  sku: z.string().min(1),
  quantity: z.number().int().nonnegative(),
  title: z.string().optional(),
  price: z.string().regex(/^\d+(\.\d+)?$/).optional(),
})

type OrderParams = { Params: { order_id: string } }

export function controlRoutes(app: FastifyInstance, ctx: SandboxContext) {
  const { store } = ctx

  app.addHook('onRequest', async (req, reply) => {
    if (!isLoopback(req.socket.remoteAddress)) return reply.code(403).send(errorBody('forbidden', 'The control API answers loopback clients only'))
    return refuseWebPages(req, reply)
  })

  app.post('/reset', async (_req, reply) => {
    store.reset()
    ctx.log.clear()
    ctx.requestLimiter.reset()
    ctx.skuLimiter.reset()
    Object.assign(ctx.faults, NO_FAULTS)
    return reply.code(204).send()
  })

  app.post('/accounts', async (req, reply) => {
    const { token, name } = parseOr400(accountSchema, req.body)
    const account = store.ensureAccount(token, name)
    store.changed()
    return reply.code(201).send({ token, name: account.name })
  })

  // Upsert by SKU (case-insensitive, like the catalog), so a dev seed can be re-run.
  app.post('/listings', async (req, reply) => {
    const input = parseOr400(listingSchema, req.body)
    const account = store.ensureAccount(input.token)
    const existing = findListingBySku(account, input.sku)
    if (existing) {
      existing.quantity = input.quantity
      if (input.title) existing.title = input.title
      if (input.price) existing.price = input.price
      setPublication(existing)
      store.changed()
      return reply.code(200).send(existing)
    }
    const listing = makeListing({
      ...input,
      id: crypto.randomUUID(),
      listing_id: store.nextId('listing'),
      backmarket_id: store.nextId('product'),
    })
    account.listings.set(listing.id, listing)
    store.changed()
    return reply.code(201).send(listing)
  })

  app.post('/orders', async (req, reply) => reply.code(201).send(createOrder(ctx, parseOr400(createOrderSchema, req.body))))
  app.post('/orders/bulk', async (req, reply) => reply.code(201).send(createOrders(ctx, parseOr400(bulkOrdersSchema, req.body))))

  app.post<OrderParams>('/orders/:order_id/rename-sku', async (req) => renameSku(ctx, req.params.order_id, parseOr400(renameSkuSchema, req.body)))

  app.post<{ Params: { order_id: string; sku: string } }>('/orders/:order_id/lines/:sku/state', async (req) =>
    setLineState(ctx, req.params.order_id, req.params.sku, parseOr400(lineStateBodySchema, req.body)),
  )

  app.get('/faults', async () => ctx.faults)
  app.put('/faults', async (req) => Object.assign(ctx.faults, parseOr400(faultsSchema, req.body)))
  app.delete('/faults', async () => Object.assign(ctx.faults, NO_FAULTS))

  app.get('/requests', async (req) => {
    const q = req.query as { token?: string; since?: string }
    let since: number | undefined
    if (q.since) {
      since = /^\d+$/.test(q.since) ? Number(q.since) : Date.parse(q.since)
      if (Number.isNaN(since)) fail(400, 'validation-error', 'since must be an ISO date-time or epoch milliseconds', { target: 'since' })
    }
    return ctx.log.list({ token: q.token || undefined, since })
  })

  app.get('/state', async (req) => {
    const { token } = req.query as { token?: string }
    if (!token) fail(400, 'validation-error', 'token is required', { target: 'token' })
    const account = store.account(token)
    if (!account) fail(404, 'not-found', 'No account for this token', { target: 'token' })
    return { name: account.name, orders: [...account.orders.values()], listings: [...account.listings.values()] }
  })
}
