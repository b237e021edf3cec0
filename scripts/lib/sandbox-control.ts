// A thin client for the sandbox's control API (docs/sandbox-contract.md), for the seed and tests.

export class SandboxControl {
  constructor(readonly baseUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`sandbox ${method} ${path} → ${res.status}: ${text.slice(0, 300)}`)
    return (text ? JSON.parse(text) : undefined) as T
  }

  createAccount(token: string, name?: string) {
    return this.call<unknown>('POST', '/__sandbox/accounts', { token, name })
  }
  createListing(input: { token: string; sku: string; quantity: number; title?: string; price?: string }) {
    return this.call<{ id: string; sku: string; quantity: number }>('POST', '/__sandbox/listings', input)
  }
  createOrder(input: Record<string, unknown> & { token: string }) {
    return this.call<{ order_id: number; orderlines: { listing: string; state: number }[] }>('POST', '/__sandbox/orders', input)
  }
  setLineState(orderId: number | string, sku: string, token: string, state: number) {
    return this.call<unknown>('POST', `/__sandbox/orders/${orderId}/lines/${encodeURIComponent(sku)}/state`, { token, state })
  }
  renameSku(orderId: number | string, token: string, from: string, to: string) {
    return this.call<unknown>('POST', `/__sandbox/orders/${orderId}/rename-sku`, { token, from, to })
  }
  state(token: string) {
    return this.call<{ orders: unknown[]; listings: unknown[] }>('GET', `/__sandbox/state?token=${encodeURIComponent(token)}`)
  }
  setFaults(faults: Record<string, unknown>) {
    return this.call<unknown>('PUT', '/__sandbox/faults', faults)
  }
  clearFaults() {
    return this.call<unknown>('DELETE', '/__sandbox/faults')
  }
  requests(token: string) {
    return this.call<{ at: string; method: string; path: string; status: number; body: unknown }[]>(
      'GET',
      `/__sandbox/requests?token=${encodeURIComponent(token)}`,
    )
  }
}
