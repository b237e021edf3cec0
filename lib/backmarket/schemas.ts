// Zod schemas for Back Market's Seller API payloads: the runtime truth for what we accept.
// Shapes follow real snake_case payloads (docs/backmarket.md §1.5, §1.11); types are inferred from them and
// are plain JSON (dates stay strings) so an order can be stored as its snapshot unchanged.
import { z } from 'zod'
import {
  bmBooleanOrNull,
  bmDateTime,
  bmDateTimeOrNull,
  bmDecimal,
  bmDecimalOrNull,
  bmInt,
  bmIntOrNull,
  bmText,
} from './primitives'

// The spec's Address schema is camelCase while every real /ws/orders payload is snake_case; a
// public sample copied the spec, so we accept both and emit snake_case.
const ADDRESS_CAMEL_TO_SNAKE: Record<string, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  firstNamePronunciation: 'first_name_pronunciation',
  lastNamePronunciation: 'last_name_pronunciation',
  postalCode: 'postal_code',
  phoneNumber: 'phone',
  customerIdNumber: 'customer_id_number',
}

function toSnakeCaseAddress(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input
  const out: Record<string, unknown> = { ...input }
  for (const [camel, snake] of Object.entries(ADDRESS_CAMEL_TO_SNAKE)) {
    if (!(camel in out)) continue
    if (out[snake] === undefined) out[snake] = out[camel]
    delete out[camel]
  }
  return out
}

export const bmAddressSchema = z.preprocess(
  toSnakeCaseAddress,
  z.object({
    company: bmText,
    first_name: bmText,
    first_name_pronunciation: bmText,
    last_name: bmText,
    last_name_pronunciation: bmText,
    street: bmText,
    street2: bmText,
    postal_code: bmText,
    city: bmText,
    /** US state / province (spec Address.state); absent on EU payloads. */
    state: bmText,
    country: bmText,
    phone: bmText,
    email: bmText,
    customer_id_number: bmText,
  }),
)

export const bmOrderLineSchema = z.object({
  id: bmInt,
  date_creation: bmDateTimeOrNull,
  state: z.int(),
  price: bmDecimal,
  shipping_price: bmDecimalOrNull,
  shipping_delay: bmIntOrNull,
  shipper: bmText,
  currency: bmText,
  return_reason: bmIntOrNull,
  return_message: bmText,
  /** The seller SKU: what POST /ws/orders expects in `sku`. */
  listing: z.string().min(1),
  listing_id: bmIntOrNull,
  product: bmText,
  quantity: bmInt,
  brand: bmText,
  product_id: bmIntOrNull,
  backcare: bmBooleanOrNull,
  backcare_price: bmIntOrNull,
  sales_taxes: bmDecimalOrNull,
  imei: bmText,
  serial_number: bmText,
  condition: bmIntOrNull,
  orderline_fee: bmDecimalOrNull,
})

// The spec says orderlines are "indexed by SKU": every capture has an array, but an object keyed
// by SKU would mean the same thing, so we take its values rather than fail the whole order.
const orderlinesAsArray = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.values(v) : v

export const bmOrderSchema = z.object({
  order_id: bmInt,
  state: z.int(),
  shipping_address: bmAddressSchema,
  billing_address: bmAddressSchema.nullable().default(null),
  delivery_note: bmText,
  tracking_number: bmText,
  tracking_url: bmText,
  shipper: bmText,
  shipper_display: bmText,
  date_creation: bmDateTime,
  date_modification: bmDateTime,
  date_shipping: bmDateTimeOrNull,
  date_payment: bmDateTimeOrNull,
  date_bill_provided: bmDateTimeOrNull,
  expected_dispatch_date: bmDateTimeOrNull,
  orderlines: z.preprocess(orderlinesAsArray, z.array(bmOrderLineSchema)),
  price: bmDecimal,
  shipping_price: bmDecimalOrNull,
  currency: bmText,
  /** The market, e.g. `fr-fr` (same values as Accept-Language). */
  country_code: bmText,
  merchant_id: bmIntOrNull,
  paypal_reference: bmText,
  psp_reference: bmText,
  installment_payment: bmBooleanOrNull,
  payment_method: bmText,
  sales_taxes: bmDecimalOrNull,
  is_backship: bmBooleanOrNull,
})

/** Every list endpoint: `next` / `previous` are absolute URLs or null. */
export function bmPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    count: bmInt,
    next: z.string().min(1).nullable().default(null),
    previous: z.string().min(1).nullable().default(null),
    results: z.array(item),
  })
}

export const bmOrderPageSchema = bmPageSchema(bmOrderSchema)

export const bmListingSchema = z.object({
  /** UUID; the id to use for POST /ws/listings/{id}. */
  id: z.string().min(1),
  /** Legacy integer id (deprecated by BM). */
  listing_id: bmIntOrNull,
  product_id: bmText,
  backmarket_id: bmIntOrNull,
  sku: z.string(),
  title: bmText,
  quantity: bmInt,
  price: bmDecimalOrNull,
  min_price: bmDecimalOrNull,
  max_price: bmDecimalOrNull,
  currency: bmText,
  /** Observed: 2 online, 3 offline or draft; 0, 1 and 4 are undocumented. */
  publication_state: bmIntOrNull,
  /** Deprecated grade code (9, 0–4); see `grade`. */
  state: bmIntOrNull,
  grade: bmText,
  warranty_delay: bmIntOrNull,
  comment: bmText,
  shippings: z.array(z.record(z.string(), z.unknown())).nullable().default(null),
  new_battery: bmBooleanOrNull,
})

export const bmListingPageSchema = bmPageSchema(bmListingSchema)

export const bmErrorSchema = z.object({
  code: z.union([z.string(), z.number().transform(String)]),
  message: z.string(),
  data: z.record(z.string(), z.unknown()).optional(),
  docLink: z.string().optional(),
  target: z.string().optional(),
})

/** `{"error": {...}, "requestId": "..."}`: listings, tasks, rate limiting (and the sandbox). */
export const bmErrorResponseV1Schema = z.object({
  error: bmErrorSchema,
  requestId: z.string().optional(),
})

/** `{"errors": [...]}`: category tree and the WAF `bot-need-challenge` answer. */
export const bmErrorResponseV2Schema = z.object({
  errors: z.array(bmErrorSchema).min(1),
  requestId: z.string().optional(),
})

/** RFC 7807 problem details, used by Backship and buyback endpoints. */
export const bmProblemSchema = z.object({
  type: z.string(),
  title: z.string().optional(),
  detail: z.string().optional(),
  status: z.number().optional(),
})

export type BmAddress = z.output<typeof bmAddressSchema>
export type BmOrderLine = z.output<typeof bmOrderLineSchema>
export type BmOrder = z.output<typeof bmOrderSchema>
export type BmOrderPage = z.output<typeof bmOrderPageSchema>
export type BmListing = z.output<typeof bmListingSchema>
export type BmListingPage = z.output<typeof bmListingPageSchema>
