// The keys of captured 2026 Back Market payloads, in payload order (docs/backmarket.md §1.5). Tests hold the
// sandbox to them; they are facts about Back Market, not about our code.
export const ORDER_KEYS = [
  'order_id', 'shipping_address', 'billing_address', 'delivery_note', 'tracking_number', 'tracking_url', 'shipper',
  'shipper_display', 'date_creation', 'date_modification', 'date_shipping', 'date_payment', 'date_bill_provided', 'state',
  'orderlines', 'price', 'shipping_price', 'currency', 'country_code', 'paypal_reference', 'psp_reference',
  'installment_payment', 'payment_method', 'sales_taxes', 'expected_dispatch_date', 'is_backship',
]

export const LINE_KEYS = [
  'id', 'date_creation', 'state', 'price', 'shipping_price', 'shipping_delay', 'shipper', 'currency', 'return_reason',
  'return_message', 'listing', 'product', 'quantity', 'brand', 'product_id', 'backcare', 'backcare_price', 'listing_id',
  'sales_taxes', 'imei', 'serial_number', 'condition', 'orderline_fee',
]

export const ADDRESS_KEYS = [
  'company', 'first_name', 'first_name_pronunciation', 'last_name', 'last_name_pronunciation', 'street', 'street2',
  'postal_code', 'country', 'city', 'phone', 'email', 'customer_id_number',
]
