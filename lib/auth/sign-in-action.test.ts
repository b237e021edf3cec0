// The login page's path: the same throttle as POST /api/auth/login, the address read from the
// X-Forwarded-For Next hands the action. next/headers is Next's request scope, given here by hand.
import { randomInt } from 'node:crypto'
import { Pool } from 'pg'
import { expect, onTestFinished, test, vi } from 'vitest'
import { signInAction } from '@/lib/auth/sign-in-action'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import { TOO_MANY_ATTEMPTS_MESSAGE } from '@/lib/auth/sign-in-schema'
import { createSignInThrottle, SIGN_IN_LIMITS } from '@/lib/auth/sign-in-throttle'
import { db } from '@/lib/db'
import { createTestMerchant, createTestUser } from '@/test/factories'

const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }))
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  }),
}))

function form(email: string, password: string) {
  const data = new FormData()
  data.set('email', email)
  data.set('password', password)
  data.set('next', '/orders')
  return data
}

test('the form is throttled like the API: a blocked pair gets the wait in minutes, and no session', async () => {
  const merchant = await createTestMerchant()
  const { user, password, token } = await createTestUser({ merchantId: merchant.id })
  const address = `203.0.113.${randomInt(1, 255)}`
  request.headers = new Headers({ 'x-forwarded-for': address })
  request.cookies = new Map([[SESSION_COOKIE_NAME, token]])
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 })
  onTestFinished(() => pool.end())
  const throttle = createSignInThrottle({ pool })
  for (let i = 0; i < SIGN_IN_LIMITS.pair; i++) await throttle.attempt({ email: user.email, address })

  expect(await signInAction({}, form(user.email, password))).toEqual({ email: user.email, formError: TOO_MANY_ATTEMPTS_MESSAGE, retryAfterMinutes: 15 })
  expect(request.cookies.get(SESSION_COOKIE_NAME)).toBe(token)

  // From another address the right password signs in: a new session replaces the old one.
  request.headers = new Headers({ 'x-forwarded-for': `198.51.100.${randomInt(1, 255)}` })
  await expect(signInAction({}, form(user.email, password))).rejects.toThrow('NEXT_REDIRECT')
  const newToken = request.cookies.get(SESSION_COOKIE_NAME)
  expect(newToken).not.toBe(token)
  expect(await getSessionFromToken(newToken)).not.toBeNull()
  expect(await getSessionFromToken(token)).toBeNull()
})

test('signing in sets the account’s zone cookie; staff land on their merchants overview', async () => {
  const merchant = await createTestMerchant()
  const { user, password } = await createTestUser({ merchantId: merchant.id })
  request.headers = new Headers({ 'x-forwarded-for': `198.51.100.${randomInt(1, 255)}`, 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0' })
  request.cookies = new Map()
  await expect(signInAction({}, form(user.email, password))).rejects.toThrow('NEXT_REDIRECT')
  expect(request.cookies.get('bm_tz')).toBe('Europe/Paris')
  // The session remembers the browser, for the list of one's sessions.
  expect(await getSessionFromToken(request.cookies.get(SESSION_COOKIE_NAME))).not.toBeNull()

  const staff = await createTestUser({ merchantId: null })
  onTestFinished(() => db.user.deleteMany({ where: { id: staff.user.id } }).then(() => undefined))
  request.cookies = new Map()
  const redirect = await signInAction({}, form(staff.user.email, staff.password)).catch((e: unknown) => e)
  expect(String((redirect as { digest?: string }).digest)).toContain('/staff')
  expect(request.cookies.get('bm_tz')).toBe('UTC')
})
