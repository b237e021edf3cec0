import { expect, test } from 'vitest'
import { POST } from '@/app/api/auth/logout/route'
import { GET as listOrders } from '@/app/api/orders/route'
import { createSession } from '@/lib/auth/create-session'
import { hashSessionToken } from '@/lib/auth/session-token'
import { db } from '@/lib/db'
import { createSignedInMerchant, testRequest } from '@/test/factories'

test('deletes the session, clears the cookie, and the old cookie no longer works', async () => {
  const { cookie, token } = await createSignedInMerchant()
  const res = await POST(testRequest('/api/auth/logout', { method: 'POST', cookie }))
  expect(res.status).toBe(204)
  expect(res.headers.get('set-cookie')).toMatch(/^bm_session=; Path=\/; Max-Age=0/)
  expect(await db.session.findUnique({ where: { id: hashSessionToken(token) } })).toBeNull()
  expect((await listOrders(testRequest('/api/orders', { cookie }))).status).toBe(401)
})

test("only the caller's session ends, not the same user's other devices", async () => {
  const { user, cookie } = await createSignedInMerchant()
  const otherDevice = await createSession({ userId: user.id })
  await POST(testRequest('/api/auth/logout', { method: 'POST', cookie }))
  expect((await listOrders(testRequest('/api/orders', { cookie: `bm_session=${otherDevice.token}` }))).status).toBe(200)
})
