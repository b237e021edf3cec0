// The demo merchants, their catalogue and the shape of their order book. Plain data.

export type DemoRole = 'ADMIN' | 'OPERATOR' | 'VIEWER'
export type DemoPerson = { email: string; name: string; password: string }
export type DemoMerchantUser = DemoPerson & { role: DemoRole }

export type DemoMerchant = {
  key: string
  name: string
  market: string
  country: string
  timeZone: string
  token: string
  /** One login per role, the admin first. */
  users: DemoMerchantUser[]
  products: { sku: string; title: string; price: string; quantity: number }[]
}

const phones = (suffix: string) => [
  { sku: `IPH13-128-BLK-GOOD${suffix}`, title: 'iPhone 13 128GB - Midnight - Unlocked', price: '369.00', quantity: 40 },
  { sku: `IPH13-128-BLU-EXC${suffix}`, title: 'iPhone 13 128GB - Blue - Unlocked', price: '399.00', quantity: 25 },
  { sku: `IPH14-256-PUR-GOOD${suffix}`, title: 'iPhone 14 256GB - Purple - Unlocked', price: '529.00', quantity: 18 },
  { sku: `IPH12-64-WHT-FAIR${suffix}`, title: 'iPhone 12 64GB - White - Unlocked', price: '229.00', quantity: 60 },
  { sku: `SGS22-128-GRN-GOOD${suffix}`, title: 'Galaxy S22 128GB - Green - Unlocked', price: '319.00', quantity: 30 },
  { sku: `SGS23-256-BLK-EXC${suffix}`, title: 'Galaxy S23 256GB - Phantom Black - Unlocked', price: '489.00', quantity: 12 },
  { sku: `PIX7-128-SNW-GOOD${suffix}`, title: 'Pixel 7 128GB - Snow - Unlocked', price: '279.00', quantity: 22 },
  { sku: `IPADAIR5-64-GRY-EXC${suffix}`, title: 'iPad Air (2022) 64GB - Space Grey - Wi-Fi', price: '449.00', quantity: 9 },
  { sku: `MBA-M1-256-SLV-GOOD${suffix}`, title: 'MacBook Air M1 13" 256GB - Silver - AZERTY', price: '649.00', quantity: 7 },
  { sku: `AIRPODS-PRO2-WHT-EXC${suffix}`, title: 'AirPods Pro (2nd gen) - White', price: '159.00', quantity: 35 },
]

export const DEMO_MERCHANTS: DemoMerchant[] = [
  {
    key: 'refurb-republic',
    name: 'Refurb Republic',
    market: 'fr-fr',
    country: 'FR',
    timeZone: 'Europe/Paris',
    token: 'demo-token-refurb-republic',
    users: [
      { role: 'ADMIN', email: 'anna@refurb-republic.example', name: 'Anna Lefèvre', password: 'demo-password-1' },
      { role: 'OPERATOR', email: 'omar@refurb-republic.example', name: 'Omar Benali', password: 'demo-operator-1' },
      { role: 'VIEWER', email: 'vera@refurb-republic.example', name: 'Vera Garnier', password: 'demo-viewer-1' },
    ],
    products: phones(''),
  },
  {
    key: 'phone-phoenix',
    name: 'Phone Phoenix',
    market: 'en-gb',
    country: 'GB',
    timeZone: 'Europe/London',
    token: 'demo-token-phone-phoenix',
    users: [
      { role: 'ADMIN', email: 'tom@phone-phoenix.example', name: 'Tom Hughes', password: 'demo-password-2' },
      { role: 'OPERATOR', email: 'olga@phone-phoenix.example', name: 'Olga Nowak', password: 'demo-operator-2' },
      { role: 'VIEWER', email: 'victor@phone-phoenix.example', name: 'Victor Reid', password: 'demo-viewer-2' },
    ],
    products: phones('-UK'),
  },
]

/** The fulfilment company's support login: belongs to no merchant. */
export const DEMO_STAFF: DemoPerson = { email: 'sam@support.fulfilment.example', name: 'Sam Carter', password: 'demo-staff-password' }

export const ORDERS_PER_MERCHANT = 300

export type DemoLogin = { merchant: string; role: DemoRole | 'STAFF'; email: string; password: string }

export const STAFF_LABEL = 'Fulfilment support (staff)'

/** Every demo login, in the order they are printed: each merchant's admin, operator, viewer, then staff. */
export function demoLogins(): DemoLogin[] {
  return [
    ...DEMO_MERCHANTS.flatMap((m) => m.users.map((u) => ({ merchant: m.name, role: u.role, email: u.email, password: u.password }))),
    { merchant: STAFF_LABEL, role: 'STAFF', email: DEMO_STAFF.email, password: DEMO_STAFF.password },
  ]
}
