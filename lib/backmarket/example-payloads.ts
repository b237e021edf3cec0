// Payloads as Back Market sends them, from docs/backmarket.md §1.11 (all values fictitious). Test data only:
// the schemas and the mapper must accept these exactly as written.

export function exampleOrder(): Record<string, unknown> {
  return {
    order_id: 40123456,
    shipping_address: {
      company: '',
      first_name: 'Camille',
      first_name_pronunciation: null,
      last_name: 'Martin',
      last_name_pronunciation: null,
      street: '12 rue de la République',
      street2: 'Bâtiment B, 3e étage',
      postal_code: '69002',
      country: 'FR',
      city: 'Lyon',
      phone: '06 12 34 56 78',
      email: 'shipping_1234567_40123456@eu.perso-email.com',
      customer_id_number: '',
    },
    billing_address: {
      company: '',
      first_name: 'Camille',
      first_name_pronunciation: null,
      last_name: 'Martin',
      last_name_pronunciation: null,
      street: '12 rue de la République',
      street2: '',
      postal_code: '69002',
      country: 'FR',
      city: 'Lyon',
      phone: null,
      email: 'invoice_1234567_40123456@eu.perso-email.com',
      customer_id_number: '',
    },
    delivery_note: 'https://backmarket-prod.s3.amazonaws.com/delivery_form/40123456_delivery_form.pdf?Signature=...&Expires=...',
    tracking_number: '',
    tracking_url: '',
    shipper: 'Colissimo',
    shipper_display: 'Colissimo',
    date_creation: '2026-03-22T19:14:18Z',
    date_modification: '2026-03-22T19:17:00Z',
    date_shipping: null,
    date_payment: '2026-03-22T19:17:00Z',
    date_bill_provided: null,
    state: 1,
    orderlines: [
      {
        id: 40150001,
        date_creation: '2026-03-22T19:14:18Z',
        state: 1,
        price: '369.00',
        shipping_price: '0.00',
        shipping_delay: 48,
        shipper: 'Colissimo',
        currency: 'EUR',
        return_reason: 0,
        return_message: '',
        listing: 'IPH13-128-BLK-GOOD',
        product: 'iPhone 13 128GB - Midnight - Unlocked',
        quantity: 1,
        brand: 'Apple',
        product_id: 545434,
        backcare: false,
        backcare_price: 0,
        listing_id: 6577956,
        sales_taxes: '0.00',
        imei: '',
        serial_number: '',
        condition: 11,
        orderline_fee: '36.90',
      },
    ],
    price: '369.00',
    shipping_price: '0.00',
    currency: 'EUR',
    country_code: 'fr-fr',
    paypal_reference: null,
    psp_reference: '3350ee43-ff2b-44c7-99dd-000000000000',
    installment_payment: false,
    payment_method: 'CARD',
    sales_taxes: '0.00',
    expected_dispatch_date: null,
    is_backship: false,
  }
}

export function exampleOrderPage(): Record<string, unknown> {
  return { count: 1, next: null, previous: null, results: [exampleOrder()] }
}

/** GET /ws/listings/detail?sku=… (the fields of ListingPublic plus BM's `statuscode`). */
export function exampleListing(): Record<string, unknown> {
  return {
    id: '7a97a1b6-547e-4718-bc72-5b84aca91b09',
    listing_id: 4567,
    product_id: '7a97a1b6-547e-4718-bc72-5b84aca91b09',
    backmarket_id: 42,
    sku: 'IPH13-128-BLK-GOOD',
    title: 'iPhone 13 128GB - Midnight - Unlocked',
    quantity: 3,
    price: '369.00',
    min_price: null,
    max_price: '499.00',
    currency: 'EUR',
    publication_state: 2,
    state: 2,
    grade: 'GOOD',
    warranty_delay: 12,
    comment: null,
    shippings: [],
    new_battery: false,
    statuscode: 200,
  }
}

export const exampleErrors = {
  unknownSku: { error: { code: 'not-found', message: "The listing doesn't exist", target: 'sku' }, requestId: 'b3c2' },
  invalidTransition: {
    error: {
      code: 'invalid-state-transition',
      message: 'Orderline IPH13-128-BLK-GOOD is in state 1; allowed next states: [2, 4]',
      target: 'new_state',
      data: { current_state: 1, requested_state: 3 },
    },
    requestId: 'r-1',
  },
  missingTracking: {
    error: { code: 'validation-error', message: 'tracking_number is required when new_state is 3', target: 'tracking_number' },
    requestId: 'r-2',
  },
  botChallenge: { errors: [{ code: 'bot-need-challenge', message: 'Forbidden', challengePath: '/testchallengepage' }] },
  rateLimited: { error: { code: 'rate-limited', message: 'Too many requests' } },
  cloudflareHtml:
    '<!DOCTYPE html>\n<html lang="en-US"><head><title>Attention Required! | Cloudflare</title></head><body>blocked</body></html>',
} as const
