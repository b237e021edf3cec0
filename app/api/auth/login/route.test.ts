import { randomInt } from 'node:crypto'
import { Pool } from 'pg'
import { expect, onTestFinished, test } from 'vitest'
import { POST } from '@/app/api/auth/login/route'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { hashSessionToken } from '@/lib/auth/session-token'
import { createSignInThrottle, SIGN_IN_LIMITS } from '@/lib/auth/sign-in-throttle'
import { db } from '@/lib/db'
import { createTestMerchant, createTestUser, testRequest } from '@/test/factories'

async function userWithPassword() {
  const merchant = await createTestMerchant()
  return createTestUser({ merchantId: merchant.id, name: 'Anna' })
}

const login = (body: unknown) => POST(testRequest('/api/auth/login', { method: 'POST', body }))

test('the right password answers 200 and sets an HttpOnly, SameSite=Lax, 7-day (idle lifetime) session cookie', async () => {
  const { user, password } = await userWithPassword()
  const res = await login({ email: user.email, password })
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ user: { email: user.email, name: 'Anna', locale: 'en', timeZone: 'Europe/Paris', isStaff: false }, next: '/orders' })
  // Every later page shows times in the account's zone: the cookie i18n/request.ts reads.
  expect(res.headers.getSetCookie()).toContainEqual(expect.stringMatching(/^bm_tz=Europe%2FParis; /))

  const setCookie = res.headers.get('set-cookie') ?? ''
  const token = /^bm_session=([^;]+)/.exec(setCookie)?.[1]
  expect(token).toBeDefined()
  expect(setCookie).toMatch(/; HttpOnly/i)
  expect(setCookie).toMatch(/; SameSite=lax/i)
  expect(setCookie).toMatch(/; Path=\//)
  expect(setCookie).toMatch(/; Max-Age=604800/)
  // Tests run over plain HTTP like the dev server; production adds Secure (see session-cookie.test).
  expect(setCookie).not.toMatch(/; Secure/i)

  // The table holds the token's hash, never the token.
  const session = await db.session.findUnique({ where: { id: hashSessionToken(token!) } })
  expect(session?.userId).toBe(user.id)
  expect(await db.session.findUnique({ where: { id: token! } })).toBeNull()
})

test('staff land on their merchants overview; their zone is UTC unless they chose one', async () => {
  const staff = await createTestUser({ merchantId: null })
  onTestFinished(() => db.user.deleteMany({ where: { id: staff.user.id } }).then(() => undefined))
  const res = await login({ email: staff.user.email, password: staff.password })
  expect(await res.json()).toMatchObject({ user: { isStaff: true, timeZone: 'UTC' }, next: '/staff' })
  expect(res.headers.getSetCookie()).toContainEqual(expect.stringMatching(/^bm_tz=UTC; /))
})

test('email case and surrounding spaces do not matter', async () => {
  const { user, password } = await userWithPassword()
  expect((await login({ email: ` ${user.email.toUpperCase()} `, password })).status).toBe(200)
})

test('a wrong password and an unknown email get the same 401, and no cookie', async () => {
  const { user } = await userWithPassword()
  const wrong = await login({ email: user.email, password: 'not the password' })
  const unknown = await login({ email: `nobody.${user.id}@test.example`, password: 'not the password' })
  for (const res of [wrong, unknown]) {
    expect(res.status).toBe(401)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'Email or password is incorrect.' } })
  }
})

/** A browser's sign-in POST from a given address, as `next start` (no proxy) would hand it over. */
const loginFrom = (address: string, body: unknown, headers: Record<string, string> = {}) =>
  POST(
    new Request('http://localhost:3000/api/auth/login', {
      method: 'POST',
      headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json', 'x-forwarded-for': address, ...headers },
      body: JSON.stringify(body),
    }),
  )

test('once the throttle refuses, the answer is 429 with Retry-After, in the caller\'s language, and no cookie', async () => {
  const { user, password } = await userWithPassword()
  const address = `192.0.2.${randomInt(1, 255)}`
  // Another app instance already counted this pair's 10 attempts: the limit is in the database.
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 })
  onTestFinished(() => pool.end())
  const otherInstance = createSignInThrottle({ pool })
  for (let i = 0; i < SIGN_IN_LIMITS.pair; i++) await otherInstance.attempt({ email: user.email, address })

  const res = await loginFrom(address, { email: user.email.toUpperCase(), password }, { 'accept-language': 'fr-FR,fr;q=0.9' })
  expect(res.status).toBe(429)
  expect(res.headers.get('set-cookie')).toBeNull()
  const retryAfter = Number(res.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThan(800)
  expect(retryAfter).toBeLessThanOrEqual(900)
  expect(await res.json()).toEqual({
    error: { code: 'rate_limited', message: 'Trop de tentatives de connexion. Réessayez dans 15 minutes.', details: { retryAfterSeconds: retryAfter } },
  })
  // The same account from another address is not held back.
  expect((await loginFrom(`198.51.100.${randomInt(1, 255)}`, { email: user.email, password })).status).toBe(200)
})

test('signing in replaces the session the browser presented', async () => {
  const { user, password, cookie, token } = await userWithPassword()
  const res = await POST(testRequest('/api/auth/login', { method: 'POST', body: { email: user.email, password }, cookie }))
  expect(res.status).toBe(200)
  expect(await getSessionFromToken(token)).toBeNull()
})

test('a malformed body is a 400 naming the field', async () => {
  const res = await login({ email: 'not-an-email', password: '' })
  expect(res.status).toBe(400)
  const body = await res.json()
  expect(Object.keys(body.error.fields).sort()).toEqual(['email', 'password'])

  const notJson = await POST(testRequest('/api/auth/login', { method: 'POST', body: '{nope' }))
  expect(notJson.status).toBe(400)
})
