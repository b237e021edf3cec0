// Payload shapes exactly as Back Market sends them (snake_case, prices as strings). The store
// keeps these objects as-is, so what is persisted is what the client receives.

export type OrderState = 0 | 1 | 3 | 8 | 9 | 10
export type LineState = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9

export interface Address {
  company: string | null
  first_name: string
  first_name_pronunciation: string | null
  last_name: string
  last_name_pronunciation: string | null
  street: string
  street2: string | null
  postal_code: string
  country: string
  city: string
  phone: string | null
  email: string
  customer_id_number: string | null
}

export interface OrderLine {
  id: number
  date_creation: string
  state: LineState
  price: string
  shipping_price: string
  shipping_delay: number
  shipper: string
  currency: string
  return_reason: number
  return_message: string
  listing: string
  product: string
  quantity: number
  brand: string
  product_id: number
  backcare: boolean
  backcare_price: number
  listing_id: number
  sales_taxes: string
  imei: string
  serial_number: string
  condition: number
  orderline_fee: string
}

export interface Order {
  order_id: number
  shipping_address: Address
  billing_address: Address
  delivery_note: string
  tracking_number: string
  tracking_url: string
  shipper: string
  shipper_display: string
  date_creation: string
  date_modification: string
  date_shipping: string | null
  date_payment: string | null
  date_bill_provided: string | null
  state: OrderState
  orderlines: OrderLine[]
  price: string
  shipping_price: string
  currency: string
  country_code: string
  paypal_reference: string | null
  psp_reference: string
  installment_payment: boolean
  payment_method: string
  sales_taxes: string
  expected_dispatch_date: string | null
  is_backship: boolean
}

export interface ListingShipping {
  country_code: string
  shipper: string
  shipper_display: string
  shipping_delay: number
  shipping_price: string
}

export type Grade = 'PREMIUM' | 'EXCELLENT' | 'VERY_GOOD' | 'GOOD' | 'FAIR' | 'STALLONE'

export interface Listing {
  id: string
  listing_id: number
  product_id: string
  backmarket_id: number
  sku: string
  title: string
  quantity: number
  price: string
  min_price: string | null
  max_price: string
  currency: string
  publication_state: 0 | 1 | 2 | 3 | 4
  state: 9 | 0 | 1 | 2 | 3 | 4
  grade: Grade
  warranty_delay: number
  comment: string | null
  shippings: ListingShipping[]
  new_battery: boolean
}

export interface Account {
  name: string
  orders: Map<number, Order>
  listings: Map<string, Listing>
}
