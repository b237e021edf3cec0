// Shared setup of the client tests (client-*.test.ts): the real sandbox over HTTP
// (docs/sandbox-contract.md; its own test helpers start it and make control calls), a fresh
// seller account per test, and the sandbox's fault switch. Only the network is stood in for:
// the sandbox plays Back Market.
import { randomUUID } from 'node:crypto'
import { setupSandbox, control as sandboxControl } from '../../sandbox/backmarket/testing'
import { BackMarketClient, type BackMarketClientOptions } from './client'
import { BackMarketError } from './errors'
import type { BackMarketRequestEvent } from './transport'

export const USER_AGENT = 'BM-Cubyn-MerchantDashboard;tech@example.com'

/** Starts one sandbox for the test file (beforeAll/afterAll) and gives what its tests use. */
export function sandboxPerFile() {
  const sandbox = setupSandbox()

  /** A control call that must succeed (2xx), giving the answer's body. */
  async function control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await sandboxControl<T>(sandbox(), method, path, body)
    if (res.status < 200 || res.status > 299) throw new Error(`sandbox ${method} ${path} → ${res.status}: ${JSON.stringify(res.body)}`)
    return res.body
  }

  /** A fresh seller account (unique token) and a client for it. */
  async function setupAccount() {
    const token = `test-${randomUUID()}`
    await control('POST', '/accounts', { token })
    const events: BackMarketRequestEvent[] = []
    const client = (overrides: Partial<BackMarketClientOptions> = {}) =>
      new BackMarketClient({
        baseUrl: sandbox().url,
        token,
        acceptLanguage: 'fr-fr',
        userAgent: USER_AGENT,
        timeoutMs: 5_000,
        onRequest: (e) => void events.push(e),
        ...overrides,
      })
    const createOrder = (lines: { sku: string; quantity?: number }[], extra: Record<string, unknown> = {}) =>
      control<{ order_id: number }>('POST', '/orders', { token, lines, ...extra })
    const createListing = (sku: string, quantity: number) => control<{ id: string }>('POST', '/listings', { token, sku, quantity })
    const requestLog = () =>
      control<{ method: string; path: string; status?: number; body: unknown }[]>('GET', `/requests?token=${encodeURIComponent(token)}`)
    return { token, client, events, createOrder, createListing, requestLog }
  }

  async function withFaults<T>(faults: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
    await control('PUT', '/faults', faults)
    try {
      return await fn()
    } finally {
      await control('DELETE', '/faults')
    }
  }

  return { setupAccount, withFaults }
}

export async function failure(p: Promise<unknown>): Promise<BackMarketError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(err instanceof BackMarketError)) throw new Error(`expected a BackMarketError, got ${String(err)}`)
  return err
}

export const sku = () => `SKU-${randomUUID().slice(0, 8)}`
