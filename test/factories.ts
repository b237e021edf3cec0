// Test data builders for integration tests. Each call makes rows with unique ids and registers
// their deletion when the current test finishes (deleting the merchant cascades to its users,
// sessions, orders, lines and addresses), so tests never see each other's data.
// Call them inside a test (they use onTestFinished), not in beforeAll.
import { randomInt, randomUUID } from 'node:crypto'
import { onTestFinished } from 'vitest'
import type { Address } from '@/lib/addresses/address-schema'
import { createSession } from '@/lib/auth/create-session'
import { createUser } from '@/lib/auth/create-user'
import type { UserRole } from '@/lib/auth/roles'
import { SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import { hashSessionToken } from '@/lib/auth/session-token'
import { encryptToken } from '@/lib/crypto/token-cipher'
import { db } from '@/lib/db'
import type { AddressKind, OrderStatus } from '@/lib/generated/prisma/client'

let counter = 0
/**
 * A digit string (references and orderline ids are digits) unique within this test process:
 * the counter guarantees it, the random middle keeps runs from looking alike.
 */
export function uniqueDigits(length = 12): string {
  counter += 1
  const middle = String(randomInt(0, 10 ** (length - 7))).padStart(length - 7, '0')
  return `4${middle}${String(counter).padStart(6, '0')}`
}

export async function createTestMerchant(opts: { name?: string; bmToken?: string; bmMarket?: string } = {}) {
  const bmToken = opts.bmToken ?? `test-token-${randomUUID()}`
  const id = randomUUID()
  const merchant = await db.merchant.create({
    data: {
      id,
      name: opts.name ?? `Test merchant ${randomUUID().slice(0, 8)}`,
      bmTokenEncrypted: encryptToken(bmToken, { merchantId: id }),
      bmMarket: opts.bmMarket ?? 'fr-fr',
    },
  })
  onTestFinished(async () => {
    await db.merchant.deleteMany({ where: { id: merchant.id } })
  })
  return { ...merchant, bmToken }
}

export const TEST_PASSWORD = 'correct horse battery staple'

/** A user of the merchant, and (unless `signIn: false`) an open session and its Cookie header. */
export async function createTestUser(opts: { merchantId: string | null; role?: UserRole; email?: string; name?: string; password?: string }) {
  const password = opts.password ?? TEST_PASSWORD
  const user = await createUser({
    merchantId: opts.merchantId,
    // Admin unless asked: most tests are about what the routes do, not who may call them.
    role: opts.role ?? (opts.merchantId === null ? 'STAFF' : 'ADMIN'),
    email: opts.email ?? `user-${randomUUID()}@test.example`,
    name: opts.name ?? 'Test User',
    password,
  })
  const { token, expiresAt } = await createSession({ userId: user.id })
  return { user, password, token, expiresAt, cookie: `${SESSION_COOKIE_NAME}=${token}` }
}

/** A merchant with one signed-in user (an admin unless `role`): the usual start of a route test. */
export async function createSignedInMerchant(opts: { name?: string; role?: UserRole } = {}) {
  const merchant = await createTestMerchant(opts)
  const user = await createTestUser({ merchantId: merchant.id, role: opts.role })
  return { merchant, ...user }
}

/**
 * A signed-in staff user. With `open`, their session has that merchant open (read-only unless
 * `acting`), as POST /api/staff/merchants/[id]/open leaves it.
 */
export async function createSignedInStaff(opts: { open?: string; acting?: boolean } = {}) {
  const staff = await createTestUser({ merchantId: null, name: 'Support Agent' })
  onTestFinished(async () => {
    await db.user.deleteMany({ where: { id: staff.user.id } })
  })
  if (opts.open) {
    await db.session.update({ where: { id: hashSessionToken(staff.token) }, data: { staffMerchantId: opts.open, staffActing: opts.acting ?? false } })
  }
  return staff
}

export type TestAddress = Partial<Address>

export type TestLine = Partial<{
  bmOrderlineId: bigint | number
  listing: string
  sku: string
  productTitle: string
  quantity: number
  price: string | null
  bmState: number
}>

const DEFAULT_ADDRESS: TestAddress = {
  firstName: 'Camille',
  lastName: 'Martin',
  street: '12 rue de la Paix',
  postalCode: '75002',
  city: 'Paris',
  country: 'FR',
  phone: '+33612345678',
  email: 'camille.martin@relay.example',
}

/**
 * An order as the import would leave it: lines, an ORIGINAL address and a CURRENT copy of it
 * (pass `currentAddress` to make them differ). Lines get unique Back Market orderline ids.
 */
export async function createTestOrder(opts: {
  merchantId: string
  reference?: string
  status?: OrderStatus
  bmState?: number
  placedAt?: Date | null
  totalPrice?: string | null
  lines?: TestLine[]
  address?: TestAddress
  currentAddress?: TestAddress
}) {
  const reference = opts.reference ?? uniqueDigits()
  const now = new Date()
  const original = { ...DEFAULT_ADDRESS, ...opts.address }
  const current = { ...original, ...opts.currentAddress }
  const lines = (opts.lines ?? [{}]).map((l, i) => {
    const listing = l.listing ?? `SKU-${reference}-${i + 1}`
    return {
      merchantId: opts.merchantId,
      bmOrderlineId: BigInt(l.bmOrderlineId ?? uniqueDigits(12)),
      listing,
      sku: l.sku ?? listing,
      productTitle: l.productTitle ?? `Product ${i + 1}`,
      quantity: l.quantity ?? 1,
      price: l.price === undefined ? '199.00' : l.price,
      bmState: l.bmState ?? 1,
    }
  })
  const addresses: Array<TestAddress & { kind: AddressKind }> = [
    { kind: 'ORIGINAL', ...original },
    { kind: 'CURRENT', ...current },
  ]
  return db.order.create({
    data: {
      merchantId: opts.merchantId,
      reference,
      status: opts.status ?? 'CREATED',
      countryCode: 'fr-fr',
      currency: 'EUR',
      totalPrice: opts.totalPrice === undefined ? '199.00' : opts.totalPrice,
      shippingPrice: '0.00',
      placedAt: opts.placedAt === undefined ? now : opts.placedAt,
      bmState: opts.bmState ?? 1,
      bmDateModification: now,
      bmSnapshot: { order_id: Number(reference), state: opts.bmState ?? 1 },
      bmSeenAt: now,
      lines: { create: lines },
      addresses: { create: addresses },
    },
    include: { lines: true, addresses: true },
  })
}

export const TEST_ORIGIN = 'http://localhost:3000'

/**
 * A Request as a page of this site would send it from a browser: the session cookie when given,
 * `Sec-Fetch-Site: same-origin`, and on a mutation our `Origin` (browsers send it on every
 * POST/PUT/PATCH/DELETE). A body that is not a string is sent as JSON. `headers` sets or, with
 * null, removes any of these (a cross-site request: `{ origin: 'https://evil.example' }`).
 */
export function testRequest(
  path: string,
  opts: { cookie?: string; method?: string; body?: unknown; headers?: Record<string, string | null> } = {},
): Request {
  const method = opts.method ?? 'GET'
  const headers = new Headers({ 'sec-fetch-site': 'same-origin' })
  if (method !== 'GET' && method !== 'HEAD') headers.set('origin', TEST_ORIGIN)
  if (opts.cookie) headers.set('cookie', opts.cookie)
  if (opts.body !== undefined) headers.set('content-type', 'application/json')
  for (const [name, value] of Object.entries(opts.headers ?? {})) {
    if (value === null) headers.delete(name)
    else headers.set(name, value)
  }
  return new Request(new URL(path, TEST_ORIGIN), {
    method,
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
  })
}

/** The route context Next passes to a dynamic route handler. */
export function routeParams<P extends Record<string, string>>(params: P): { params: Promise<P> } {
  return { params: Promise.resolve(params) }
}
