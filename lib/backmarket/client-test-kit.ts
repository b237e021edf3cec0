// Shared setup of the client tests (client-*.test.ts): the real sandbox over HTTP
// (docs/sandbox-contract.md), a fresh seller account per test, and the sandbox's fault switch.
// Only the network is stood in for: the sandbox plays Back Market.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll } from 'vitest'
import { startSandbox, type Sandbox } from '../../sandbox/backmarket/server'
import { BackMarketClient, type BackMarketClientOptions } from './client'
import { BackMarketError } from './errors'
import type { BackMarketRequestEvent } from './transport'

export const USER_AGENT = 'BM-Cubyn-MerchantDashboard;tech@example.com'

/** Starts one sandbox for the test file (beforeAll/afterAll) and gives what its tests use. */
export function sandboxPerFile() {
  let sandbox: Sandbox

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 })
  })
  afterAll(async () => {
    await sandbox?.close()
  })

  async function control(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${sandbox.url}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`sandbox ${method} ${path} → ${res.status}: ${text}`)
    return text ? JSON.parse(text) : null
  }

  /** A fresh seller account (unique token) and a client for it. */
  async function setupAccount() {
    const token = `test-${randomUUID()}`
    await control('POST', '/accounts', { token })
    const events: BackMarketRequestEvent[] = []
    const client = (overrides: Partial<BackMarketClientOptions> = {}) =>
      new BackMarketClient({
        baseUrl: sandbox.url,
        token,
        acceptLanguage: 'fr-fr',
        userAgent: USER_AGENT,
        timeoutMs: 5_000,
        onRequest: (e) => void events.push(e),
        ...overrides,
      })
    const createOrder = async (lines: { sku: string; quantity?: number }[], extra: Record<string, unknown> = {}) =>
      (await control('POST', '/orders', { token, lines, ...extra })) as { order_id: number }
    const createListing = async (sku: string, quantity: number) =>
      (await control('POST', '/listings', { token, sku, quantity })) as { id: string }
    const requestLog = async () =>
      (await control('GET', `/requests?token=${encodeURIComponent(token)}`)) as { method: string; path: string; status?: number; body: unknown }[]
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
