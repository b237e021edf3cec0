// An imported order its address blocks announces address_error.opened, in the import's
// transaction, once: importing it again says nothing more; a good address says nothing.
import { afterAll, expect, test } from 'vitest'
import { BackMarketClient } from '@/lib/backmarket/client'
import { db } from '@/lib/db'
import { startReceiver } from '@/lib/webhooks/testing/receiver'
import { createTestEndpoint } from '@/lib/webhooks/testing/webhook-factories'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import { importMerchantOrders } from './import-orders'
import { stopQueue } from './queue'

const { sandbox, control, newMerchant } = await startBackMarketSandbox()
afterAll(() => stopQueue())

test('a new order blocked by its address is announced once; a clean one is not', async () => {
  const { token, merchant } = await newMerchant('import-webhooks')
  const client = new BackMarketClient({ baseUrl: sandbox.url, token, acceptLanguage: 'fr-fr', userAgent: 'BM-Test-Import;test@example.com' })
  await createTestEndpoint({ merchantId: merchant.id, url: (await startReceiver()).url, events: ['address_error.opened'] })
  const blocked = await control.createOrder({ token, lines: [{ sku: 'ADDR-1' }], shipping_address: { street: '', last_name: '' } })
  await control.createOrder({ token, lines: [{ sku: 'ADDR-2' }] })

  await importMerchantOrders({ merchantId: merchant.id, client })
  await importMerchantOrders({ merchantId: merchant.id, client })

  const sent = await db.webhookMessage.findMany({ where: { merchantId: merchant.id } })
  expect(sent.map((m) => m.payload)).toEqual([
    {
      type: 'address_error.opened',
      timestamp: expect.any(String),
      data: { order: { reference: String(blocked.order_id) }, fields: { street: [expect.any(String)], lastName: [expect.any(String)] }, carrierRejection: null },
    },
  ])
})
