// A route with no dynamic segment (POST /api/v1/warehouse/events, GET /api/v1/orders): next start
// hands its handler a context whose params is undefined, not a promise of {}. Found by
// bench:events, where every such request of the production build answered 500.
import { expect, test } from 'vitest'
import { z } from 'zod'
import { defineOperation } from '@/lib/api-v1/operation'
import { v1Route } from '@/lib/api-v1/route'
import { createTestWarehouseKey, v1Request } from '@/test/api-v1'

const pingOperation = defineOperation({
  operationId: 'testPing',
  method: 'POST',
  path: '/ping',
  summary: 'Ping (test only)',
  tags: ['Test'],
  scope: 'warehouse:write',
  body: z.object({ n: z.int() }),
  responses: { 200: { description: 'Pong', schema: z.object({ n: z.int() }) } },
})
const POST = v1Route(pingOperation, async ({ body }) => ({ status: 200, body: { n: body.n } }))

test.each([
  ['no params at all', undefined],
  ['params resolving to undefined', Promise.resolve(undefined)],
])('a static route works when Next gives %s', async (_, params) => {
  const key = await createTestWarehouseKey()
  const req = v1Request('/ping', { key: key.secret, method: 'POST', body: { n: 7 } })

  const res = await POST(req, { params } as unknown as { params: Promise<Record<string, string>> })

  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ n: 7 })
})
