import { expect, test } from 'vitest'
import { checkSameOrigin, requestOrigins } from './same-origin'

// Next builds the URL from the host it listens on, not the browser's: `localhost` under next dev.
const NEXT_URL = 'http://localhost:3000/api/syncs'
const req = (headers: Record<string, string>, url = NEXT_URL) => ({ url, headers: new Headers(headers) })

test.each([
  ['localhost, as the URL says', { origin: 'http://localhost:3000', host: 'localhost:3000' }],
  ['127.0.0.1: the Host the browser sent, though Next’s URL says localhost', { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }],
  ['a test request with no Host header: the URL’s own origin', { origin: 'http://localhost:3000' }],
  ['an origin spelled in capitals with its default port', { origin: 'HTTP://LOCALHOST:80' }, 'http://localhost/api/syncs'],
  ['behind a proxy: the first X-Forwarded-Host', { origin: 'https://shop.example', host: 'app:3000', 'x-forwarded-host': 'shop.example, edge.internal' }, 'https://localhost:3000/x'],
  ['no Origin, Sec-Fetch-Site same-origin', { 'sec-fetch-site': 'same-origin' }],
])('same origin: %s', (_name, headers, url?: string) => {
  expect(checkSameOrigin(req(headers, url))).toEqual({ ok: true })
})

test.each([
  ['another site', { origin: 'https://evil.example', host: 'localhost:3000', 'sec-fetch-site': 'same-origin' }, /Origin https:\/\/evil.example is not this site/],
  ['another port of the same host', { origin: 'http://localhost:4000', host: 'localhost:3000' }, /not this site/],
  ['https page, http request (scheme counts)', { origin: 'https://localhost:3000', host: 'localhost:3000' }, /not this site/],
  ['a sibling subdomain', { origin: 'http://evil.localhost:3000', host: 'localhost:3000' }, /not this site/],
  ['Origin null (sandboxed frame, cross-site redirect)', { origin: 'null', 'sec-fetch-site': 'same-origin' }, /Origin is null/],
  ['an Origin that is not an origin', { origin: 'http://localhost:3000/path', host: 'localhost:3000' }, /not this site/],
  ['garbage', { origin: '%%%', host: 'localhost:3000' }, /Origin %%% is not this site/],
  ['no Origin, Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }, /Sec-Fetch-Site is cross-site/],
  ['no Origin, Sec-Fetch-Site same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }, /Sec-Fetch-Site is same-site/],
  ['no Origin, Sec-Fetch-Site none (typed in the address bar)', { 'sec-fetch-site': 'none' }, /Sec-Fetch-Site is none/],
  ['neither header (curl, a script)', {}, /Neither Origin nor Sec-Fetch-Site/],
])('cross site: %s', (_name, headers, reason) => {
  const verdict = checkSameOrigin(req(headers))
  expect(verdict.ok).toBe(false)
  expect(!verdict.ok && verdict.reason).toMatch(reason)
})

test('a long Origin is cut short in the reason', () => {
  const verdict = checkSameOrigin(req({ origin: `https://${'a'.repeat(500)}.example` }))
  expect(!verdict.ok && verdict.reason.length).toBeLessThan(140)
})

test('the request’s origins: forwarded host and Host with the URL’s scheme; the URL’s host only when no Host was sent', () => {
  expect(requestOrigins('https://localhost:3000/', new Headers({ host: 'app:3000', 'x-forwarded-host': 'Shop.Example:443' }))).toEqual([
    'https://shop.example',
    'https://app:3000',
  ])
  expect(requestOrigins('http://localhost:3000/', new Headers())).toEqual(['http://localhost:3000'])
  expect(requestOrigins('http://localhost:3000/', new Headers({ host: 'evil.example/path' }))).toEqual([])
})

test('a page served where Next listens is not ours when the browser addressed another host', () => {
  const verdict = checkSameOrigin(req({ origin: 'http://localhost:3000', host: 'shop.example' }))
  expect(verdict).toEqual({ ok: false, reason: 'Origin http://localhost:3000 is not this site' })
})
