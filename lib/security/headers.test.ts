import { expect, test } from 'vitest'
import {
  createNonce,
  MINIMAL_CONTENT_SECURITY_POLICY,
  pageContentSecurityPolicy,
  parseContentSecurityPolicy as directives,
  securityHeaders,
  servedOverHttps,
} from '@/lib/security/headers'

const NONCE = 'q5Yx1d3oV9hT2mZkPq0eXw=='

test('a page runs scripts only by this request’s nonce, with no inline or eval escape in production', () => {
  const csp = directives(pageContentSecurityPolicy({ nonce: NONCE }))
  expect(csp.get('script-src')).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"])
  expect(csp.get('style-src')).toEqual(["'self'", `'nonce-${NONCE}'`])
  expect(csp.get('object-src')).toEqual(["'none'"])
  expect(csp.get('base-uri')).toEqual(["'none'"])
  expect(csp.get('form-action')).toEqual(["'self'"])
  expect(csp.get('frame-ancestors')).toEqual(["'none'"])
  expect(csp.get('default-src')).toEqual(["'self'"])
  expect(csp.has('upgrade-insecure-requests')).toBe(false)
})

test('the dev server alone may eval (React’s dev tooling) and inject styles', () => {
  const csp = directives(pageContentSecurityPolicy({ nonce: NONCE, dev: true }))
  expect(csp.get('script-src')).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'", "'unsafe-eval'"])
  expect(csp.get('script-src')).not.toContain("'unsafe-inline'")
  // A nonce beside 'unsafe-inline' would switch 'unsafe-inline' off in every CSP 2 browser.
  expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
})

test('over HTTPS a page also upgrades stray http: sub-resources', () => {
  expect(directives(pageContentSecurityPolicy({ nonce: NONCE, https: true })).has('upgrade-insecure-requests')).toBe(true)
})

test('a nonce that is short or could break out of the header is refused', () => {
  for (const nonce of ['', 'abc', `${NONCE}'; script-src *`, 'a b c d e f g h i j k l']) {
    expect(() => pageContentSecurityPolicy({ nonce })).toThrow(/nonce/)
  }
})

test('every answer carries the same frame, sniffing, referrer and feature rules', () => {
  for (const headers of [securityHeaders({ kind: 'page', nonce: NONCE }), securityHeaders({ kind: 'api' }), securityHeaders({ kind: 'static' })]) {
    expect(headers['X-Frame-Options']).toBe('DENY')
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin')
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      expect(headers['Permissions-Policy']).toContain(`${feature}=()`)
    }
    expect(headers).not.toHaveProperty('Strict-Transport-Security')
  }
})

test('API answers and static files get the minimal policy; a page without a nonce is a bug', () => {
  expect(securityHeaders({ kind: 'api' })['Content-Security-Policy']).toBe(MINIMAL_CONTENT_SECURITY_POLICY)
  expect(securityHeaders({ kind: 'static' })['Content-Security-Policy']).toBe("default-src 'none'; frame-ancestors 'none'")
  expect(() => securityHeaders({ kind: 'page' })).toThrow(/nonce/)
})

test('HSTS only when the browser came over HTTPS, directly or through a TLS proxy', () => {
  expect(securityHeaders({ kind: 'api', https: true })['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains')
  expect(servedOverHttps('https:', null)).toBe(true)
  expect(servedOverHttps('http:', 'https')).toBe(true)
  expect(servedOverHttps('http:', 'HTTPS, http')).toBe(true)
  expect(servedOverHttps('http:', 'http, https')).toBe(false)
  expect(servedOverHttps('http:', null)).toBe(false)
})

test('each nonce is fresh, 16 random bytes in base64, and accepted by the page policy', () => {
  const nonces = new Set(Array.from({ length: 100 }, createNonce))
  expect(nonces.size).toBe(100)
  for (const nonce of nonces) {
    expect(Buffer.from(nonce, 'base64')).toHaveLength(16)
    expect(() => pageContentSecurityPolicy({ nonce })).not.toThrow()
  }
})
