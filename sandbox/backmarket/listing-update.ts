// POST /ws/listings/{id}: a partial, real-time listing update (docs/backmarket.md §1.7). Its 400 body is a
// bare JSON string, unlike every other error.
import { z } from 'zod'
import { SandboxError } from './errors'
import { firstIssue, INT_STRING, UnparseableBody } from './http'
import type { Account, Listing } from './types'

const DECIMAL = /^\s*\d+(\.\d+)?\s*$/
const decimal = z.union([z.number().nonnegative(), z.string().regex(DECIMAL)]).transform((v) => Number(v).toFixed(2))

// Extra keys (shipper_1, pub_state …) are accepted and ignored, as Back Market does.
export const listingUpdateSchema = z.looseObject({
  quantity: z.union([z.number().int().nonnegative(), z.string().regex(INT_STRING).transform(Number).pipe(z.number().nonnegative())]).optional(),
  price: decimal.optional(),
  min_price: decimal.nullable().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  comment: z.string().max(500).nullable().optional(),
  warranty_delay: z.number().int().min(12).optional(),
})

export function parseListingUpdate(body: unknown): z.infer<typeof listingUpdateSchema> {
  if (body instanceof UnparseableBody) throw new SandboxError(400, 'Invalid JSON body')
  const r = listingUpdateSchema.safeParse(body)
  if (!r.success) throw new SandboxError(400, firstIssue(r.error).message)
  return r.data
}

export function applyListingUpdate(listing: Listing, u: z.infer<typeof listingUpdateSchema>): void {
  if (u.quantity !== undefined) {
    listing.quantity = u.quantity
    setPublication(listing)
  }
  if (u.price !== undefined) listing.price = u.price
  if (u.min_price !== undefined) listing.min_price = u.min_price
  if (u.currency !== undefined) listing.currency = u.currency
  if (u.comment !== undefined) listing.comment = u.comment
  if (u.warranty_delay !== undefined) listing.warranty_delay = u.warranty_delay
}

// "To put a Listing offline, just set its quantity to 0" — offline is publication_state 3 [O].
export function setPublication(listing: Listing): void {
  listing.publication_state = listing.quantity > 0 ? 2 : 3
}

/** The catalog treats SKUs case-insensitively (docs/backmarket.md §1.7). */
export function findListingBySku(account: Account, sku: string): Listing | undefined {
  const wanted = sku.toLowerCase()
  for (const l of account.listings.values()) if (l.sku.toLowerCase() === wanted) return l
  return undefined
}

/** A listing id is the UUID (preferred) or the deprecated integer listing_id. */
export function findListingById(account: Account, id: string): Listing | undefined {
  const byUuid = account.listings.get(id)
  if (byUuid || !INT_STRING.test(id)) return byUuid
  const legacy = Number(id)
  for (const l of account.listings.values()) if (l.listing_id === legacy) return l
  return undefined
}
