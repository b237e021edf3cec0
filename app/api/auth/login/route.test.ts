import { expect, test } from 'vitest'
import { POST } from '@/app/api/auth/login/route'
import { hashSessionToken } from '@/lib/auth/session-token'
import { db } from '@/lib/db'
import { createTestMerchant, createTestUser, testRequest } from '@/test/factories'

async function userWithPassword() {
  const merchant = await createTestMerchant()
  return createTestUser({ merchantId: merchant.id, name: 'Anna' })
}

const login = (body: unknown) => POST(testRequest('/api/auth/login', { method: 'POST', body }))

test('the right password answers 200 and sets an HttpOnly, SameSite=Lax, 30-day session cookie', async () => {
  const { user, password } = await userWithPassword()
  const res = await login({ email: user.email, password })
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ user: { email: user.email, name: 'Anna', locale: 'en' } })

  const setCookie = res.headers.get('set-cookie') ?? ''
  const token = /^bm_session=([^;]+)/.exec(setCookie)?.[1]
  expect(token).toBeDefined()
  expect(setCookie).toMatch(/; HttpOnly/i)
  expect(setCookie).toMatch(/; SameSite=lax/i)
  expect(setCookie).toMatch(/; Path=\//)
  expect(setCookie).toMatch(/; Max-Age=2592000/)
  // Tests run over plain HTTP like the dev server; production adds Secure (see session-cookie.test).
  expect(setCookie).not.toMatch(/; Secure/i)

  // The table holds the token's hash, never the token.
  const session = await db.session.findUnique({ where: { id: hashSessionToken(token!) } })
  expect(session?.userId).toBe(user.id)
  expect(await db.session.findUnique({ where: { id: token! } })).toBeNull()
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

test('a malformed body is a 400 naming the field', async () => {
  const res = await login({ email: 'not-an-email', password: '' })
  expect(res.status).toBe(400)
  const body = await res.json()
  expect(Object.keys(body.error.fields).sort()).toEqual(['email', 'password'])

  const notJson = await POST(testRequest('/api/auth/login', { method: 'POST', body: '{nope' }))
  expect(notJson.status).toBe(400)
})
