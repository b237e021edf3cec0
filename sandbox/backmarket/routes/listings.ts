// /ws/listings: list, detail by sku / id, one listing, real-time update, PATCH refused.
import type { FastifyInstance } from 'fastify'
import { accountOf, type SandboxContext } from '../context'
import { errorBody, fail } from '../errors'
import { baseUrl } from '../http'
import { applyListingUpdate, findListingById, findListingBySku, parseListingUpdate } from '../listing-update'
import { paginate } from '../paginate'
import type { Listing } from '../types'

type Query = Record<string, string | undefined>

const NOT_FOUND = 'Listing not found, or it does not belong to the authenticated merchant'
const withStatus = (l: Listing) => ({ ...l, statuscode: 200 })

export function listingRoutes(app: FastifyInstance, ctx: SandboxContext) {
  app.get('/listings', async (req) => {
    const q = req.query as Query
    const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v))
    const [pub, min, max] = [num(q.publication_state), num(q.min_quantity), num(q.max_quantity)]
    const listings = [...accountOf(req).listings.values()]
      .filter((l) => (pub === undefined || l.publication_state === pub) && (min === undefined || l.quantity >= min) && (max === undefined || l.quantity <= max))
      .sort((a, b) => a.listing_id - b.listing_id)
    return paginate(listings, q, baseUrl(req) + req.url)
  })

  app.get('/listings/detail', async (req) => {
    const q = req.query as Query
    const account = accountOf(req)
    const id = q.id ?? q.listing_id
    if (!q.sku && !id) fail(400, 'validation-error', 'One of sku, listing_id or id is required', { target: 'sku' })
    const listing = q.sku ? findListingBySku(account, q.sku) : findListingById(account, id ?? '')
    if (!listing) fail(404, 'not-found', NOT_FOUND, { target: q.sku ? 'sku' : 'id' })
    return withStatus(listing)
  })

  app.get<{ Params: { id: string } }>('/listings/:id', async (req) => {
    const listing = findListingById(accountOf(req), req.params.id)
    if (!listing) fail(404, 'not-found', NOT_FOUND, { target: 'listingId' })
    return withStatus(listing)
  })

  app.post<{ Params: { id: string } }>('/listings/:id', async (req, reply) => {
    const listing = findListingById(accountOf(req), req.params.id)
    if (!listing) fail(404, 'not-found', NOT_FOUND, { target: 'listingId' })
    const update = parseListingUpdate(req.body)
    const quota = ctx.skuLimiter.take(req.bmToken ?? '', ctx.now())
    if (!quota.ok) {
      reply.header('retry-after', String(Math.ceil(quota.retryAfterMs / 1000)))
      return reply.code(429).send(errorBody('rate-limited', 'Too many SKU lines updated in the last hour', { target: 'quantity' }))
    }
    applyListingUpdate(listing, update)
    ctx.store.changed()
    return withStatus(listing)
  })

  // Observed in production: updates must use POST (docs/backmarket.md §1.7).
  app.route<{ Params: { id: string } }>({
    method: ['PATCH', 'PUT', 'DELETE'],
    url: '/listings/:id',
    handler: async (req, reply) =>
      reply.code(405).header('allow', 'GET, POST').send(errorBody('method-not-allowed', `Method "${req.method}" not allowed.`)),
  })
}
