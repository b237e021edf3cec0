// The connection test's four checks against the sandbox over HTTP (and a stub server for the
// firewall's HTML page and for a 403 Back Market's account gives): what each says, never the token.
import { expect, test } from 'vitest'
import { checkConnection, type ConnectionCheck, type ConnectionCheckName } from './check-connection'
import { sandboxPerFile, USER_AGENT } from './client-test-kit'
import { BackMarketClient } from './client'
import { closedPort, startStubServer } from './stub-server'

const { setupAccount } = sandboxPerFile()

const byName = (r: Awaited<ReturnType<typeof checkConnection>>) => Object.fromEntries(r.checks.map((c) => [c.name, c])) as Record<ConnectionCheckName, ConnectionCheck>

test('a good token: all four checks pass, with one order and one listing read', async () => {
  const { client, token, requestLog } = await setupAccount()
  const result = await checkConnection(client(), { secret: token })
  expect(result).toEqual({
    ok: true,
    checks: [
      { name: 'token', status: 'ok' },
      { name: 'userAgent', status: 'ok' },
      { name: 'orders', status: 'ok' },
      { name: 'listings', status: 'ok' },
    ],
  })
  const paths = (await requestLog()).map((r) => `${r.method} ${r.path}`)
  expect(paths).toEqual(['GET /ws/orders?page-size=1', 'GET /ws/listings?page-size=1'])
})

test('a wrong token: the token check fails with the 401 and Back Market’s words; nothing else is tried', async () => {
  const { client } = await setupAccount()
  const wrong = 'not-a-token-of-anyone-1234'
  const result = await checkConnection(client({ token: wrong }), { secret: wrong })
  const c = byName(result)
  expect(result.ok).toBe(false)
  expect(c.token).toEqual({
    name: 'token',
    status: 'failed',
    failure: { status: 401, kind: 'unauthorized', message: 'Authentication credentials were not provided or are invalid.', requestId: expect.any(String) },
  })
  expect(c.userAgent).toEqual({ name: 'userAgent', status: 'skipped', reason: 'token_refused' })
  expect(c.orders).toEqual({ name: 'orders', status: 'skipped', reason: 'token_refused' })
  expect(c.listings).toEqual({ name: 'listings', status: 'skipped', reason: 'token_refused' })
  expect(JSON.stringify(result)).not.toContain(wrong)
})

test('a User-Agent Back Market does not accept: the sandbox’s 403 fails that check', async () => {
  const { client, requestLog } = await setupAccount()
  const result = await checkConnection(client({ userAgent: 'node' }))
  const c = byName(result)
  expect(c.userAgent).toMatchObject({ status: 'failed', failure: { status: 403, kind: 'forbidden', message: expect.stringContaining('User-Agent') } })
  expect(c.token).toEqual({ name: 'token', status: 'skipped', reason: 'user_agent_refused' })
  expect(c.orders.status).toBe('skipped')
  expect(c.listings.status).toBe('skipped')
  // One call: a second would be refused the same way.
  expect(await requestLog()).toHaveLength(1)
})

test('the firewall’s HTML 403 is the User-Agent refused, its cf-ray kept for Back Market’s support', async () => {
  const stub = await startStubServer((_req, res) => {
    res.writeHead(403, { 'content-type': 'text/html', 'cf-ray': '8abc123-CDG', server: 'cloudflare' })
    res.end('<!DOCTYPE html><html><body>Attention Required! | Cloudflare</body></html>')
  })
  try {
    const client = new BackMarketClient({ baseUrl: stub.url, token: 'tok-secret', acceptLanguage: 'fr-fr', userAgent: USER_AGENT })
    const c = byName(await checkConnection(client))
    expect(c.userAgent).toMatchObject({ status: 'failed', failure: { status: 403, requestId: '8abc123-CDG', message: expect.stringContaining('Cloudflare') } })
    expect(c.token.status).toBe('skipped')
  } finally {
    await stub.close()
  }
})

test('a JSON 403 of the account (ingestion disabled) is the token refused; listings refused alone fail alone', async () => {
  let calls = 0
  const stub = await startStubServer((req, res) => {
    calls++
    if (req.url?.startsWith('/ws/orders')) {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ count: 0, next: null, previous: null, results: [] }))
      return
    }
    res.writeHead(403, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: { code: 'forbidden', message: 'The ingestion channel is disabled' } }))
  })
  try {
    const client = new BackMarketClient({ baseUrl: stub.url, token: 'tok-secret', acceptLanguage: 'fr-fr', userAgent: USER_AGENT })
    const result = await checkConnection(client)
    const c = byName(result)
    expect(c.token.status).toBe('ok')
    expect(c.orders.status).toBe('ok')
    expect(c.listings).toMatchObject({ status: 'failed', failure: { status: 403, message: 'The ingestion channel is disabled' } })
    expect(result.ok).toBe(false)
    expect(calls).toBe(2)
  } finally {
    await stub.close()
  }
})

test('Back Market unreachable: the reads fail with why, the token and User-Agent are not judged', async () => {
  const port = await closedPort()
  const client = new BackMarketClient({ baseUrl: `http://127.0.0.1:${port}`, token: 'tok', acceptLanguage: 'fr-fr', userAgent: USER_AGENT, timeoutMs: 2_000 })
  const c = byName(await checkConnection(client))
  expect(c.token).toEqual({ name: 'token', status: 'skipped', reason: 'unreachable' })
  expect(c.userAgent).toEqual({ name: 'userAgent', status: 'skipped', reason: 'unreachable' })
  expect(c.orders).toMatchObject({ status: 'failed', failure: { status: null, kind: 'network', message: expect.stringContaining('ECONNREFUSED') } })
  expect(c.listings).toMatchObject({ status: 'failed', failure: { kind: 'network' } })
})

test('a listings page we cannot read (2xx, unexpected shape) passes with a warning: a working token is not refused', async () => {
  const stub = await startStubServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    if (req.url?.startsWith('/ws/orders')) res.end(JSON.stringify({ count: 0, next: null, previous: null, results: [] }))
    else res.end(JSON.stringify({ items: 'not the documented page' }))
  })
  try {
    const client = new BackMarketClient({ baseUrl: stub.url, token: 'tok-secret', acceptLanguage: 'fr-fr', userAgent: USER_AGENT })
    const result = await checkConnection(client, { secret: 'tok-secret' })
    expect(result.ok).toBe(true)
    expect(byName(result).listings).toMatchObject({ status: 'ok', warning: { status: 200, kind: 'bad_response' } })
  } finally {
    await stub.close()
  }
})
