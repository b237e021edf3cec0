import { NextRequest } from 'next/server'
import { expect, test } from 'vitest'
import { sessionProxy } from '@/lib/auth/session-proxy'

const req = (path: string, opts: { cookie?: string; method?: string } = {}) =>
  new NextRequest(new URL(path, 'http://localhost:3000'), { method: opts.method ?? 'GET', headers: opts.cookie ? { cookie: opts.cookie } : {} })

test('a page without a session cookie redirects to /login, remembering where it was going', () => {
  const res = sessionProxy(req('/orders/401?tab=lines'))
  expect(res.status).toBe(307)
  expect(res.headers.get('location')).toBe('http://localhost:3000/login?next=%2Forders%2F401%3Ftab%3Dlines')
})

test('the login page and API routes pass through without a cookie (APIs answer 401 themselves)', () => {
  for (const path of ['/login', '/api/orders', '/api/health']) {
    const res = sessionProxy(req(path))
    expect(res.headers.get('location')).toBeNull()
    expect(res.headers.get('x-middleware-next')).toBe('1')
  }
})

test('a navigation with a cookie slides the cookie to 7 more days (the idle lifetime)', () => {
  const res = sessionProxy(req('/orders', { cookie: 'bm_session=tok' }))
  expect(res.headers.get('x-middleware-next')).toBe('1')
  const setCookie = res.headers.get('set-cookie') ?? ''
  expect(setCookie).toMatch(/^bm_session=tok; Path=\//)
  expect(setCookie).toMatch(/; Max-Age=604800; HttpOnly; SameSite=lax$/)
})

test('a POST (sign-in, sign-out) is left to set or clear the cookie itself', () => {
  const res = sessionProxy(req('/api/auth/logout', { cookie: 'bm_session=tok', method: 'POST' }))
  expect(res.headers.get('set-cookie')).toBeNull()
})

test('one-time links open without a session (the invited have none yet); their look-alikes do not', () => {
  for (const path of ['/invite/abc', '/reset-password/abc']) {
    expect(sessionProxy(req(path)).headers.get('location')).toBeNull()
  }
  for (const path of ['/invite', '/reset-password', '/invites/abc']) {
    expect(sessionProxy(req(path)).headers.get('location')).toMatch(/\/login\?next=/)
  }
})
