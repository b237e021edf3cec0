// Back Market payloads → plain inputs for our domain. Pure: no I/O, no Prisma types; the sync
// layer decides what to store. Values are kept as BM sent them except that "nothing" has one
// spelling (null) and date-times become Dates.
import type { Address } from '@/lib/addresses/address-schema'
import { parseBmDateTime } from './datetime'
import type { BmAddress, BmOrder, BmOrderLine } from './schemas'

/** Back Market's shipping address in our fields (lib/addresses' list), null where it sent nothing. */
export type AddressImport = Address

export type OrderLineImport = {
  /** BM orderline ids are integers; bigint matches our BigInt column and cannot overflow. */
  bmOrderlineId: bigint
  /** The SKU as sold on Back Market: what BM expects back in `sku`. */
  listing: string
  productTitle: string
  quantity: number
  price: string
  bmState: number
  imei: string | null
  serialNumber: string | null
}

export type OrderImport = {
  /** BM's order_id as text: our order reference. */
  reference: string
  bmState: number
  bmDateModification: Date
  placedAt: Date
  /** The market, e.g. `fr-fr`. */
  countryCode: string | null
  currency: string | null
  totalPrice: string
  shippingPrice: string | null
  shipper: string | null
  trackingNumber: string | null
  trackingUrl: string | null
  expectedDispatchAt: Date | null
  shippingAddress: AddressImport
  lines: OrderLineImport[]
}

/** BM writes "" (and sometimes blanks) where a value is absent; we only want one "absent". */
function blankToNull(v: string | null): string | null {
  return v === null || v.trim() === '' ? null : v
}

function requiredDate(value: string, field: string): Date {
  const d = parseBmDateTime(value)
  // Unreachable for a payload that went through bmOrderSchema, which checks every date-time.
  if (!d) throw new RangeError(`${field} is not a date-time: ${value}`)
  return d
}

function optionalDate(value: string | null): Date | null {
  return value === null ? null : parseBmDateTime(value)
}

/** BM's GDPR anonymisation replaces every personal field of old orders with "Deleted". */
const ANONYMISED = 'Deleted'

/** True for an address BM has anonymised: such an order cannot be shipped. */
export function isAnonymizedAddress(address: BmAddress | AddressImport): boolean {
  const personal =
    'first_name' in address
      ? [address.first_name, address.last_name, address.street, address.city]
      : [address.firstName, address.lastName, address.street, address.city]
  return personal.every((v) => v === ANONYMISED)
}

export function toAddressImport(a: BmAddress): AddressImport {
  return {
    company: blankToNull(a.company),
    firstName: blankToNull(a.first_name),
    lastName: blankToNull(a.last_name),
    street: blankToNull(a.street),
    street2: blankToNull(a.street2),
    postalCode: blankToNull(a.postal_code),
    city: blankToNull(a.city),
    country: blankToNull(a.country),
    phone: blankToNull(a.phone),
    email: blankToNull(a.email),
  }
}

export function toOrderLineImport(line: BmOrderLine): OrderLineImport {
  return {
    bmOrderlineId: BigInt(line.id),
    listing: line.listing,
    // Our column needs a title; the SKU is the most useful label when BM sent none.
    productTitle: blankToNull(line.product) ?? line.listing,
    quantity: line.quantity,
    price: line.price,
    bmState: line.state,
    imei: blankToNull(line.imei),
    serialNumber: blankToNull(line.serial_number),
  }
}

export function toOrderImport(order: BmOrder): OrderImport {
  return {
    reference: String(order.order_id),
    bmState: order.state,
    bmDateModification: requiredDate(order.date_modification, 'date_modification'),
    placedAt: requiredDate(order.date_creation, 'date_creation'),
    countryCode: blankToNull(order.country_code),
    currency: blankToNull(order.currency),
    totalPrice: order.price,
    shippingPrice: order.shipping_price,
    shipper: blankToNull(order.shipper),
    trackingNumber: blankToNull(order.tracking_number),
    trackingUrl: blankToNull(order.tracking_url),
    expectedDispatchAt: optionalDate(order.expected_dispatch_date),
    shippingAddress: toAddressImport(order.shipping_address),
    lines: order.orderlines.map(toOrderLineImport),
  }
}
