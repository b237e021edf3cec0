import { afterEach, expect, test } from 'vitest'
import { linkOrigin } from './link-origin'

afterEach(() => {
  delete process.env.APP_URL
})

test('the site the browser is on (its Host), not the host Next listens on', () => {
  const req = new Request('http://localhost:3000/api/users', { headers: { host: '127.0.0.1:3000' } })
  expect(linkOrigin(req)).toBe('http://127.0.0.1:3000')
  expect(linkOrigin(new Request('http://localhost:3000/api/users'))).toBe('http://localhost:3000')
})

test('APP_URL wins when set', () => {
  process.env.APP_URL = 'https://ops.example'
  expect(linkOrigin(new Request('http://localhost:3000/api/users', { headers: { host: '10.0.0.5:3000' } }))).toBe('https://ops.example')
})

test('X-Forwarded-Host is the client’s own text without a trusted proxy (TRUSTED_PROXY_COUNT=0): ignored', () => {
  const req = new Request('http://localhost:3000/api/users', { headers: { host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example' } })
  expect(linkOrigin(req)).toBe('http://127.0.0.1:3000')
})
