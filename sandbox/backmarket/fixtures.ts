// Plausible default values for what a test or a dev seed leaves out, shaped like the captured
// 2026 payloads of docs/backmarket.md §1.5 / §1.11. All values are fictitious.
import { createHash, randomUUID } from 'node:crypto'
import { FINAL_LINE_STATES } from './transitions'
import type { Address, LineState, Listing, Order, OrderLine, OrderState } from './types'

interface Market {
  country: string
  currency: string
  city: string
  postal_code: string
  street: string
  phone: string
  shipper: string
}

const MARKETS: Record<string, Market> = {
  'fr-fr': { country: 'FR', currency: 'EUR', city: 'Lyon', postal_code: '69002', street: '12 rue de la République', phone: '06 12 34 56 78', shipper: 'Colissimo' },
  'fr-be': { country: 'BE', currency: 'EUR', city: 'Bruxelles', postal_code: '1000', street: 'Rue Neuve 45', phone: '0470 12 34 56', shipper: 'BPost' },
  'es-es': { country: 'ES', currency: 'EUR', city: 'Madrid', postal_code: '28013', street: 'Calle de Alcalá 21', phone: '612 34 56 78', shipper: 'Correos' },
  'de-de': { country: 'DE', currency: 'EUR', city: 'Berlin', postal_code: '10115', street: 'Invalidenstraße 117', phone: '0151 23456789', shipper: 'DHL DE' },
  'de-at': { country: 'AT', currency: 'EUR', city: 'Wien', postal_code: '1010', street: 'Kärntner Straße 12', phone: '0664 1234567', shipper: 'DPD' },
  'it-it': { country: 'IT', currency: 'EUR', city: 'Milano', postal_code: '20121', street: 'Via Alessandro Manzoni 14', phone: '347 123 4567', shipper: 'Poste Italiane' },
  'nl-nl': { country: 'NL', currency: 'EUR', city: 'Amsterdam', postal_code: '1012 AB', street: 'Damrak 70', phone: '06 12345678', shipper: 'Post NL' },
  'pt-pt': { country: 'PT', currency: 'EUR', city: 'Lisboa', postal_code: '1100-148', street: 'Rua Augusta 24', phone: '912 345 678', shipper: 'DPD' },
  'en-gb': { country: 'GB', currency: 'GBP', city: 'London', postal_code: 'EC1V 9HX', street: '221 City Road', phone: '07700 900123', shipper: 'Royal Mail Express' },
  'en-ie': { country: 'IE', currency: 'EUR', city: 'Dublin', postal_code: 'D02 X285', street: '12 Grafton Street', phone: '087 123 4567', shipper: 'DPD' },
  'el-gr': { country: 'GR', currency: 'EUR', city: 'Athina', postal_code: '105 57', street: 'Ermou 15', phone: '691 234 5678', shipper: 'DHL' },
  'sk-sk': { country: 'SK', currency: 'EUR', city: 'Bratislava', postal_code: '811 01', street: 'Obchodná 12', phone: '0901 234 567', shipper: 'DPD' },
  'sv-se': { country: 'SE', currency: 'SEK', city: 'Stockholm', postal_code: '111 52', street: 'Drottninggatan 53', phone: '070 123 45 67', shipper: 'DHL' },
  'en-us': { country: 'US', currency: 'USD', city: 'Austin', postal_code: '78701', street: '500 Congress Ave', phone: '512 555 0134', shipper: 'UPS' },
  'ja-jp': { country: 'JP', currency: 'JPY', city: 'Tokyo', postal_code: '150-0002', street: '1-2-3 Shibuya', phone: '090 1234 5678', shipper: 'Other' },
  'en-au': { country: 'AU', currency: 'AUD', city: 'Sydney', postal_code: '2000', street: '12 George Street', phone: '0412 345 678', shipper: 'Other' },
}

export const COUNTRY_CODES = Object.keys(MARKETS)

const FIRST_NAMES = ['Camille', 'Lucas', 'Emma', 'Hugo', 'Léa', 'Noah', 'Chloé', 'Louis', 'Manon', 'Jules']
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau']

const PRODUCTS = [
  { title: 'iPhone 13 128GB - Midnight - Unlocked', brand: 'Apple', price: '369.00', product_id: 545434 },
  { title: 'Galaxy S22 128GB - Phantom Black - Unlocked', brand: 'Samsung', price: '289.00', product_id: 612877 },
  { title: 'iPad Air (2022) 64GB - Space Grey - Wi-Fi', brand: 'Apple', price: '449.00', product_id: 588120 },
  { title: 'Pixel 7 128GB - Obsidian - Unlocked', brand: 'Google', price: '259.00', product_id: 633501 },
  { title: 'MacBook Air 13" (2020) M1 8GB 256GB - Gold', brand: 'Apple', price: '649.00', product_id: 498310 },
]

// Same SKU → same default product, so repeated seeds look stable.
function pick<T>(items: readonly T[], seed: string | number): T {
  const n = createHash('sha1').update(String(seed)).digest().readUInt32BE(0)
  return items[n % items.length] as T
}

export function marketOf(countryCode: string): Market {
  return MARKETS[countryCode] ?? (MARKETS['fr-fr'] as Market)
}

export function defaultProduct(sku: string) {
  return pick(PRODUCTS, sku)
}

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function address(countryCode: string, orderId: number, kind: 'shipping' | 'invoice'): Address {
  const m = marketOf(countryCode)
  const customer = 1_000_000 + (orderId % 8_999_999)
  const domain = countryCode.startsWith('en-us') ? 'us.perso-email.com' : 'eu.perso-email.com'
  return {
    company: '',
    first_name: pick(FIRST_NAMES, orderId),
    first_name_pronunciation: null,
    last_name: pick(LAST_NAMES, orderId + 1),
    last_name_pronunciation: null,
    street: m.street,
    street2: kind === 'shipping' ? 'Bâtiment B, 3e étage' : '',
    postal_code: m.postal_code,
    country: m.country,
    city: m.city,
    phone: kind === 'shipping' ? m.phone : null,
    email: `${kind}_${customer}_${orderId}@${domain}`,
    customer_id_number: '',
  }
}

export interface NewLine {
  id: number
  sku: string
  quantity: number
  state: LineState
  price?: string
  product?: string
  listing?: Listing
}

export interface NewOrder {
  order_id: number
  state: OrderState
  country_code: string
  date_creation: string
  /** The clock, so derived dates (payment, shipping) never land in the future. */
  now: number
  shipping_address?: Partial<Address>
  lines: NewLine[]
}

const money = (n: number) => n.toFixed(2)

function makeLine(l: NewLine, o: NewOrder, shipper: string, currency: string): OrderLine {
  const product = defaultProduct(l.sku)
  const price = l.price ?? l.listing?.price ?? product.price
  return {
    id: l.id,
    date_creation: o.date_creation,
    state: l.state,
    price,
    shipping_price: '0.00',
    shipping_delay: 48,
    shipper,
    currency,
    return_reason: 0,
    return_message: '',
    listing: l.sku,
    product: l.product ?? l.listing?.title ?? product.title,
    quantity: l.quantity,
    brand: product.brand,
    product_id: l.listing?.backmarket_id ?? product.product_id,
    backcare: false,
    backcare_price: 0,
    listing_id: l.listing?.listing_id ?? 6_500_000 + (l.id % 100_000),
    sales_taxes: '0.00',
    imei: '',
    serial_number: '',
    condition: 11,
    orderline_fee: money(Number(price) * l.quantity * 0.1),
  }
}

export function makeOrder(o: NewOrder): Order {
  const m = marketOf(o.country_code)
  const created = Date.parse(o.date_creation)
  const paidAt = isoSeconds(Math.max(created, Math.min(created + 180_000, o.now)))
  const paid = o.state !== 0 && o.state !== 10 && o.state !== 8
  const lines = o.lines.map((l) => makeLine(l, o, m.shipper, m.currency))
  const shipped = lines.length > 0 && lines.every((l) => FINAL_LINE_STATES.includes(l.state))
  const total = lines.reduce((sum, l) => sum + Number(l.price) * l.quantity, 0)
  return {
    order_id: o.order_id,
    shipping_address: { ...address(o.country_code, o.order_id, 'shipping'), ...o.shipping_address },
    billing_address: address(o.country_code, o.order_id, 'invoice'),
    delivery_note: `https://backmarket-sandbox.s3.amazonaws.com/delivery_form/${o.order_id}_delivery_form.pdf?Signature=sandbox&Expires=${Math.floor(created / 1000) + 604_800}`,
    tracking_number: '',
    tracking_url: '',
    shipper: m.shipper.replace(/ Express$/, ''),
    shipper_display: m.shipper.replace(/ Express$/, ''),
    date_creation: o.date_creation,
    date_modification: paid ? paidAt : o.date_creation,
    date_shipping: shipped && paid ? paidAt : null,
    date_payment: paid ? paidAt : null,
    date_bill_provided: null,
    state: o.state,
    orderlines: lines,
    price: money(total),
    shipping_price: '0.00',
    currency: m.currency,
    country_code: o.country_code,
    paypal_reference: null,
    psp_reference: randomUUID(),
    installment_payment: false,
    payment_method: pick(['CARD', 'CARD', 'APPLE_PAY', 'PAYPAL', 'KLARNA_PAY_LATER'], o.order_id),
    sales_taxes: '0.00',
    expected_dispatch_date: isoSeconds(created + 2 * 86_400_000),
    is_backship: false,
  }
}

export interface NewListing {
  id: string
  listing_id: number
  backmarket_id: number
  sku: string
  quantity: number
  title?: string
  price?: string
  currency?: string
}

export function makeListing(l: NewListing): Listing {
  const product = defaultProduct(l.sku)
  const price = l.price ?? product.price
  return {
    id: l.id,
    listing_id: l.listing_id,
    product_id: randomUUID(),
    backmarket_id: l.backmarket_id,
    sku: l.sku,
    title: l.title ?? product.title,
    quantity: l.quantity,
    price,
    min_price: null,
    max_price: money(Number(price) * 1.5),
    currency: l.currency ?? 'EUR',
    publication_state: l.quantity > 0 ? 2 : 3,
    state: 2,
    grade: 'GOOD',
    warranty_delay: 12,
    comment: null,
    shippings: [],
    new_battery: false,
  }
}
