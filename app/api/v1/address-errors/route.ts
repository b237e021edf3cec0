// GET /api/v1/address-errors — the key's merchant's orders blocked by their address, newest first, a cursor page at a time (?q=, &cursor=, &limit=)
import { listAddressErrorsV1 } from '@/lib/api-v1/merchant/list-address-errors'
import { merchantOf } from '@/lib/api-v1/merchant/merchant-scope'
import { listAddressErrorsOperation } from '@/lib/api-v1/operations/orders'
import { v1Route } from '@/lib/api-v1/route'

export const GET = v1Route(listAddressErrorsOperation, async ({ principal, query: { cursor, ...filters } }) => ({
  status: 200,
  body: await listAddressErrorsV1({ merchantId: merchantOf(principal), ...filters, after: cursor }),
}))
