// A seller with a unique token talking real HTTP to a sandbox, plus control calls. No vitest
// import here, so the bench script can use it too.
import { randomUUID } from 'node:crypto'
import type { Sandbox } from './server'
import type { Listing, Order } from './types'

export const USER_AGENT = 'BM-Acme-Dashboard;dev@acme.test'

export async function control<T = unknown>(sb: Sandbox, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${sb.url}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T }
}

export interface Seller {
  token: string
  /** A Seller API call with the headers Back Market requires; the body is sent as JSON. */
  bm(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>
  listing(sku: string, quantity: number, extra?: { title?: string; price?: string }): Promise<Listing>
  order(input?: Record<string, unknown>): Promise<Order>
}

export async function newSeller(sb: Sandbox): Promise<Seller> {
  const token = `tok-${randomUUID()}`
  await control(sb, 'POST', '/accounts', { token })
  return {
    token,
    bm: (path, init = {}) =>
      fetch(`${sb.url}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: {
          authorization: `Basic ${token}`,
          'user-agent': USER_AGENT,
          accept: 'application/json',
          'accept-language': 'fr-fr',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
      }),
    async listing(sku, quantity, extra = {}) {
      const r = await control<Listing>(sb, 'POST', '/listings', { token, sku, quantity, ...extra })
      if (r.status !== 201) throw new Error(`listing not created: ${r.status} ${JSON.stringify(r.body)}`)
      return r.body
    },
    async order(input = {}) {
      const r = await control<Order>(sb, 'POST', '/orders', { token, lines: [{ sku: `SKU-${randomUUID().slice(0, 8)}` }], ...input })
      if (r.status !== 201) throw new Error(`order not created: ${r.status} ${JSON.stringify(r.body)}`)
      return r.body
    },
  }
}

export async function json<T = unknown>(res: Response): Promise<T> {
  return (await res.json()) as T
}
