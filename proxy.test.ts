import { NextRequest } from 'next/server'
import { expect, test } from 'vitest'
import { proxy } from './proxy'

const req = (path: string, headers: Record<string, string> = {}) => new NextRequest(new URL(path, 'http://localhost:3000'), { headers })
const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1]

test('a page gets a fresh nonce, on its answer and on the request Next renders it from', async () => {
  const first = await proxy(req('/orders', { cookie: 'bm_session=tok' }))
  const second = await proxy(req('/orders', { cookie: 'bm_session=tok' }))
  const csp = first.headers.get('content-security-policy')
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/)
  // Next reads the nonce from the request's header (passed on by these override headers).
  expect(first.headers.get('x-middleware-override-headers')?.split(',')).toContain('content-security-policy')
  expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(csp)
  expect(nonceOf(csp)).not.toBe(nonceOf(second.headers.get('content-security-policy')))
  // What the session proxy answered is kept: the pass-through and the sliding cookie.
  expect(first.headers.get('x-middleware-next')).toBe('1')
  expect(first.headers.get('set-cookie')).toMatch(/^bm_session=tok; Path=\//)
  expect(first.headers.get('x-frame-options')).toBe('DENY')
  expect(first.headers.get('x-content-type-options')).toBe('nosniff')
  expect(first.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  expect(first.headers.get('permissions-policy')).toContain('camera=()')
})

test('the redirect to sign in carries the headers too', async () => {
  const res = await proxy(req('/orders'))
  expect(res.status).toBe(307)
  expect(res.headers.get('location')).toBe('http://localhost:3000/login?next=%2Forders')
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  expect(res.headers.get('x-frame-options')).toBe('DENY')
})

test('an API route answers with the minimal policy and no nonce', async () => {
  const res = await proxy(req('/api/orders', { cookie: 'bm_session=tok' }))
  expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
  expect(res.headers.get('x-middleware-request-content-security-policy')).toBeNull()
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
})

test('HSTS only when the browser came over HTTPS', async () => {
  expect((await proxy(req('/login'))).headers.get('strict-transport-security')).toBeNull()
  const behindTls = await proxy(req('/login', { 'x-forwarded-proto': 'https' }))
  expect(behindTls.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains')
})
