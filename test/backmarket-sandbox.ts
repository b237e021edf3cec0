// One Back Market sandbox for an integration test file: the real sandbox server on a free port,
// over real HTTP, that every client our code builds from a merchant talks to; closed after the file.
import { randomUUID } from 'node:crypto'
import { afterAll } from 'vitest'
import { importMerchantOrders } from '@/lib/sync/import-orders'
import { startSandbox, type Sandbox } from '@/sandbox/backmarket/server'
import { SandboxControl } from '@/scripts/lib/sandbox-control'
import { createTestMerchant } from '@/test/factories'

/**
 * Await it at the top of the test file: the sandbox is up and BACKMARKET_API_URL names it before
 * any test runs (and before app modules imported after it read the environment). The previous
 * URL is put back after the file. Each test makes its own seller (a fresh token) with the helpers.
 */
export async function startBackMarketSandbox() {
  const sandbox: Sandbox = await startSandbox({ port: 0 })
  const previousUrl = process.env.BACKMARKET_API_URL
  process.env.BACKMARKET_API_URL = sandbox.url
  afterAll(async () => {
    process.env.BACKMARKET_API_URL = previousUrl
    await sandbox.close()
  })
  const control = new SandboxControl(sandbox.url)

  /** A new seller on the sandbox (token `<prefix>-<uuid>`) and our merchant holding its token. */
  async function newMerchant(prefix: string) {
    const token = `${prefix}-${randomUUID()}`
    await control.createAccount(token)
    return { token, merchant: await createTestMerchant({ bmToken: token }) }
  }

  /** The same, with one order on Back Market (a line per SKU) imported into our database. */
  async function merchantWithOrder(prefix: string, skus: string[]) {
    const { token, merchant } = await newMerchant(prefix)
    const bm = await control.createOrder({ token, lines: skus.map((sku) => ({ sku })) })
    await importMerchantOrders({ merchantId: merchant.id })
    return { token, merchant, reference: String(bm.order_id) }
  }

  return { sandbox, control, newMerchant, merchantWithOrder }
}
