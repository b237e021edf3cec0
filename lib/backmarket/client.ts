// Back Market Seller API client: one instance per merchant token and market. It only speaks HTTP
// and zod; recording calls, retrying and the database are the caller's business (lib/sync).
import { formatBmDateTime } from './datetime'
import type { CancelState } from './cancel-transition'
import { BackMarketError } from './errors'
import type { components, paths } from './openapi.gen'
import { bmListingPageSchema, bmListingSchema, bmOrderPageSchema, bmOrderSchema } from './schemas'
import type { BmListing, BmListingPage, BmOrder, BmOrderPage } from './schemas'
import { ORDERLINE_STATE } from './states'
import { request } from './transport'
import type { BeforeBackMarketRequest, OnBackMarketRequest, TransportConfig } from './transport'

export type BackMarketClientOptions = {
  /** e.g. `https://www.backmarket.fr` or the sandbox URL; `/ws/...` is appended. */
  baseUrl: string
  /** The back-office API token, sent verbatim after `Basic `. */
  token: string
  /** The market, e.g. `fr-fr`: selects country-specific fields such as prices. */
  acceptLanguage: string
  /** `BM-{Company}-{Integration};contact@domain` — BM may refuse calls without it. */
  userAgent: string
  timeoutMs?: number
  /** Only for tests that must talk to a throwaway server; defaults to the global fetch. */
  fetch?: typeof globalThis.fetch
  /** Called after every HTTP call with its timing and outcome (see BackMarketRequestEvent). */
  onRequest?: OnBackMarketRequest
  /** Awaited before every HTTP call (see BeforeBackMarketRequest). */
  beforeRequest?: BeforeBackMarketRequest
}

export type OrderFilter = {
  state?: number
  /** Lower bound (BM returns orders created at or after it). */
  dateCreation?: Date
  /** Lower bound (BM returns orders modified at or after it). */
  dateModification?: Date
  /** The market, e.g. `fr-fr`. */
  countryCode?: string
}

export type ListOrdersQuery = OrderFilter & { page?: number; pageSize?: number }

/** The spec's UpdateOrder; `order_id` is filled from the URL so the two can never differ. */
export type UpdateOrderBody = Omit<components['schemas']['UpdateOrder'], 'order_id'>

export type ShipOrderInput = {
  trackingNumber: string
  trackingUrl?: string
  /** Replaces the order's shipper; a value of BM's Shipper list, e.g. `Colissimo`. */
  shipper?: string
  dateShipping?: Date
  /** Only for an order of one line with quantity 1; cannot be corrected once sent. */
  imei?: string
  serialNumber?: string
}

export type CancelOrderlineInput = {
  sku: string
  newState: CancelState
  /** Back Market's ReturnReason code; required for a refund after shipping (6). */
  returnReason?: number
  /** Shown to the customer (≤ 500 characters). */
  returnMessage?: string
}

export type UpdateListingBody = NonNullable<
  paths['/ws/listings/{listingId}']['post']['requestBody']
>['content']['application/json']

export type BmOrderId = number | string

/** Back Market's maximum page size: the fewest calls for a full scan. */
const MAX_PAGE_SIZE = 50
const DEFAULT_TIMEOUT_MS = 30_000

function orderIdOf(orderId: BmOrderId): number {
  const n = typeof orderId === 'number' ? orderId : /^\d+$/.test(orderId.trim()) ? Number(orderId) : NaN
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a Back Market order id: ${String(orderId)}`)
  return n
}

function checkPageSize(pageSize: number): number {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${pageSize}`)
  }
  return pageSize
}

function ordersQuery(q: ListOrdersQuery): string {
  const p = new URLSearchParams()
  if (q.state !== undefined) p.set('state', String(q.state))
  if (q.dateCreation) p.set('date_creation', formatBmDateTime(q.dateCreation))
  if (q.dateModification) p.set('date_modification', formatBmDateTime(q.dateModification))
  if (q.countryCode) p.set('country_code', q.countryCode)
  if (q.page !== undefined) p.set('page', String(q.page))
  // The hyphen matters: BM silently ignores `page_size` and answers 10 per page.
  if (q.pageSize !== undefined) p.set('page-size', String(checkPageSize(q.pageSize)))
  const s = p.toString()
  return s ? `?${s}` : ''
}

export class BackMarketClient {
  readonly #cfg: TransportConfig

  constructor(opts: BackMarketClientOptions) {
    const baseUrl = new URL(opts.baseUrl.replace(/\/+$/, ''))
    // Tolerate a token pasted with its scheme, as copied from a curl example.
    const token = opts.token.trim().replace(/^Basic\s+/i, '')
    this.#cfg = {
      baseUrl,
      headers: {
        Authorization: `Basic ${token}`,
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'Accept-Language': opts.acceptLanguage,
        'User-Agent': opts.userAgent,
      },
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      fetch: opts.fetch ?? globalThis.fetch,
      onRequest: opts.onRequest,
      beforeRequest: opts.beforeRequest,
    }
  }

  /** One page of orders (BM never lists states 0 and 8). */
  listOrders(query: ListOrdersQuery = {}): Promise<BmOrderPage> {
    return this.#listOrdersAt('listOrders', `/ws/orders${ordersQuery(query)}`)
  }

  /** Every order matching the filter, following BM's `next` links until there are none. */
  async *iterateOrders(filter: OrderFilter = {}, opts: { pageSize?: number } = {}): AsyncGenerator<BmOrder, void, undefined> {
    let target: string | null = `/ws/orders${ordersQuery({ ...filter, pageSize: opts.pageSize ?? MAX_PAGE_SIZE })}`
    const visited = new Set<string>()
    while (target) {
      // A `next` pointing back to a page already read would loop forever.
      if (visited.has(target)) {
        throw new BackMarketError('bad_response', `Back Market pagination loops back to ${target}`, { body: null })
      }
      visited.add(target)
      const page: BmOrderPage = await this.#listOrdersAt('iterateOrders', target)
      yield* page.results
      target = page.next
    }
  }

  getOrder(orderId: BmOrderId): Promise<BmOrder> {
    const id = orderIdOf(orderId)
    return request(this.#cfg, { operation: 'getOrder', method: 'GET', target: `/ws/orders/${id}`, schema: bmOrderSchema })
  }

  /** POST /ws/orders/{id} with any UpdateOrder body; returns the order as BM now has it. */
  updateOrder(orderId: BmOrderId, body: UpdateOrderBody): Promise<BmOrder> {
    return this.#postOrder('updateOrder', orderId, body)
  }

  /** Accepts one line (1 → 2). */
  acceptOrderline(orderId: BmOrderId, sku: string): Promise<BmOrder> {
    return this.#postOrder('acceptOrderline', orderId, { new_state: ORDERLINE_STATE.ACCEPTED, sku })
  }

  /** Ships the whole parcel: every line moves 2 → 3, so no SKU is needed. */
  shipOrder(orderId: BmOrderId, input: ShipOrderInput): Promise<BmOrder> {
    const body: UpdateOrderBody = { new_state: ORDERLINE_STATE.SHIPPED, tracking_number: input.trackingNumber }
    if (input.trackingUrl !== undefined) body.tracking_url = input.trackingUrl
    if (input.shipper !== undefined) body.shipper = input.shipper
    if (input.dateShipping !== undefined) body.date_shipping = formatBmDateTime(input.dateShipping)
    if (input.imei !== undefined) body.imei = input.imei
    if (input.serialNumber !== undefined) body.serial_number = input.serialNumber
    return this.#postOrder('shipOrder', orderId, body)
  }

  /**
   * Cancels one line (1 → 4) or refunds it (2 → 5 before shipping, 3 → 6 after, with a return
   * reason); the message goes to the customer. See cancel-transition.ts for which state applies.
   */
  cancelOrderline(orderId: BmOrderId, input: CancelOrderlineInput): Promise<BmOrder> {
    const body: UpdateOrderBody = { new_state: input.newState, sku: input.sku }
    if (input.returnReason !== undefined) body.return_reason = input.returnReason as UpdateOrderBody['return_reason']
    if (input.returnMessage !== undefined) body.return_message = input.returnMessage
    return this.#postOrder('cancelOrderline', orderId, body)
  }

  /** One page of the merchant's own listings (the connection test reads one to prove access). */
  listListings(query: { page?: number; pageSize?: number } = {}): Promise<BmListingPage> {
    const p = new URLSearchParams()
    if (query.page !== undefined) p.set('page', String(query.page))
    if (query.pageSize !== undefined) p.set('page-size', String(checkPageSize(query.pageSize)))
    const s = p.toString()
    return request(this.#cfg, { operation: 'listListings', method: 'GET', target: `/ws/listings${s ? `?${s}` : ''}`, schema: bmListingPageSchema })
  }

  getListingBySku(sku: string): Promise<BmListing> {
    const target = `/ws/listings/detail?${new URLSearchParams({ sku })}`
    return request(this.#cfg, { operation: 'getListingBySku', method: 'GET', target, schema: bmListingSchema })
  }

  /** Real-time partial update of one listing (the batch endpoint is not for stock). */
  updateListing(listingId: string | number, body: UpdateListingBody): Promise<BmListing> {
    return this.#postListing('updateListing', listingId, body)
  }

  /** Sets the stock of one listing; 0 takes it offline. Shared by every market. */
  updateListingQuantity(listingId: string | number, quantity: number): Promise<BmListing> {
    if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`quantity must be a non-negative integer, got ${quantity}`)
    return this.#postListing('updateListingQuantity', listingId, { quantity })
  }

  #listOrdersAt(operation: string, target: string): Promise<BmOrderPage> {
    return request(this.#cfg, { operation, method: 'GET', target, schema: bmOrderPageSchema })
  }

  #postOrder(operation: string, orderId: BmOrderId, body: UpdateOrderBody): Promise<BmOrder> {
    const id = orderIdOf(orderId)
    return request(this.#cfg, {
      operation,
      method: 'POST',
      target: `/ws/orders/${id}`,
      // BM: "Specify the same order_id in the URL and in the body".
      body: { ...body, order_id: id },
      schema: bmOrderSchema,
    })
  }

  #postListing(operation: string, listingId: string | number, body: UpdateListingBody): Promise<BmListing> {
    const target = `/ws/listings/${encodeURIComponent(String(listingId))}`
    return request(this.#cfg, { operation, method: 'POST', target, body, schema: bmListingSchema })
  }
}
