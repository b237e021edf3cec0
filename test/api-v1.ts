// Test helpers for /api/v1: keys made through the real create operation (so their hashing and
// scopes are the production ones), and a call of a v1 route handler as a machine client sends it
// (Authorization: Bearer, no cookie, no Origin, no Sec-Fetch-Site).
import { expect, onTestFinished } from 'vitest'
import type { oas31 } from 'zod-openapi'
import { createApiKey } from '@/lib/api-keys/create-api-key'
import { db } from '@/lib/db'
import { expectV1Contract } from '@/test/api-v1-contract'
import { testActor } from '@/test/audit-fixtures'
import { createTestMerchant, createTestUser } from '@/test/factories'

export const V1_ORIGIN = 'http://localhost:3000'

/** A warehouse key (scope warehouse:write), deleted when the test finishes. */
export async function createTestWarehouseKey(opts: { name?: string } = {}) {
  const created = await createApiKey({ kind: 'WAREHOUSE', actor: testActor(), name: opts.name ?? 'Test WMS' })
  onTestFinished(async () => {
    await db.apiKey.deleteMany({ where: { id: created.id } })
  })
  return created
}

/** A key of the merchant (a new one unless given), created by one of its users; gone with the merchant. */
export async function createTestMerchantKey(opts: { merchantId?: string; scopes?: Array<'sync:read' | 'sync:write'>; name?: string } = {}) {
  const merchantId = opts.merchantId ?? (await createTestMerchant()).id
  const { user } = await createTestUser({ merchantId })
  const created = await createApiKey({
    kind: 'MERCHANT',
    merchantId,
    actor: testActor(user),
    name: opts.name ?? 'Test integration',
    scopes: opts.scopes ?? ['sync:read', 'sync:write'],
  })
  return { ...created, merchantId, userId: user.id }
}

/** A Request to `/api/v1<path>` with the key as bearer; a non-string body is sent as JSON. */
export function v1Request(
  path: string,
  opts: { key?: string | null; method?: string; body?: unknown; headers?: Record<string, string | null> } = {},
): Request {
  const headers = new Headers()
  if (opts.key) headers.set('authorization', `Bearer ${opts.key}`)
  if (opts.body !== undefined) headers.set('content-type', 'application/json')
  for (const [name, value] of Object.entries(opts.headers ?? {})) {
    if (value === null) headers.delete(name)
    else headers.set(name, value)
  }
  const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body)
  return new Request(new URL(`/api/v1${path}`, V1_ORIGIN), { method: opts.method ?? 'GET', headers, body })
}

export type V1Result<B = unknown> = { status: number; body: B; headers: Headers }

/**
 * Calls the handler with the key: `callV1(GET, '/orders/4030', { key, params: { reference: '4030' } })`.
 * The answer's JSON is read (null for an empty body).
 */
export async function callV1<B = unknown>(
  handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>,
  path: string,
  // `contract`: the document the answer must keep, when the handler is a test's own operation
  // rather than a registered one (default: the published document).
  opts: Parameters<typeof v1Request>[1] & { params?: Record<string, string>; contract?: oas31.OpenAPIObject } = {},
): Promise<V1Result<B>> {
  const req = v1Request(path, opts)
  // As next start calls it: a route with no dynamic segment gets no params at all.
  const context = { params: opts.params === undefined ? undefined : Promise.resolve(opts.params) } as { params: Promise<Record<string, string>> }
  const res = await handler(req, context)
  const text = await res.text()
  const result = { status: res.status, body: (text === '' ? null : JSON.parse(text)) as B, headers: res.headers }
  // Every answer a test sees is one the published OpenAPI document describes (test/api-v1-contract.ts).
  expectV1Contract({ method: req.method, url: req.url, ...result }, opts.contract)
  return result
}

/**
 * Fails when the answer mentions any of `theirs` (another merchant's references, ids, SKUs):
 * a merchant key must read nothing of another merchant, not even in an error message.
 */
export function expectNothingOf(answer: V1Result, theirs: readonly string[], context = ''): void {
  const text = JSON.stringify(answer.body)
  const leaked = theirs.filter((value) => text.includes(value))
  expect(leaked, `${context} leaked another merchant's ${leaked.join(', ')}`).toEqual([])
}
