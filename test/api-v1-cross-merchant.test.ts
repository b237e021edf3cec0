// A merchant key reads only its own merchant: every /api/v1 route a merchant key may call (listed
// from the route files, so a new one is covered the day it lands) is called with merchant A's key
// and merchant B's references and ids, and answers as if B's rows did not exist: 404 like a missing
// row, or a list without them, and never one of B's identifiers anywhere in the answer.
import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestSyncFailure, createTestSyncIssue } from '@/lib/sync/testing/sync-factories'
import { callV1, createTestMerchantKey, expectNothingOf } from '@/test/api-v1'
import { fillPath, importHandler, isV1Route, listApiRoutes, PUBLIC_V1_ROUTES, v1OperationOf } from '@/test/api-routes'
import { createTestMerchant, createTestOrder, uniqueDigits } from '@/test/factories'

const merchantRoutes = await (async () => {
  const routes = listApiRoutes().filter((r) => isV1Route(r) && !PUBLIC_V1_ROUTES.includes(r.name))
  const scoped = await Promise.all(routes.map(async (r) => ({ route: r, scope: (await v1OperationOf(r)).scope })))
  return scoped.filter((r) => r.scope !== 'warehouse:write').map((r) => r.route)
})()

/** Merchant B with something on every page: a blocked address, a carrier refusal, a failed sync and its issue. */
async function otherMerchantWithData() {
  const merchant = await createTestMerchant()
  const blocked = await createTestOrder({ merchantId: merchant.id })
  await db.order.update({
    where: { id: blocked.id },
    data: {
      addressIssues: [{ code: 'POSTAL_CODE_INVALID', field: 'postalCode', severity: 'error', message: 'Postal code does not exist.' }],
      addressCheckedAt: new Date(),
      carrierRejection: { carrier: 'Colissimo', message: 'Adresse inconnue', fields: ['street'], at: new Date().toISOString() },
      carrierRejectedAt: new Date(),
    },
  })
  const validated = await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED' })
  const { task, attempt } = await createTestSyncFailure({ merchantId: merchant.id, order: validated })
  const issue = await createTestSyncIssue({ merchantId: merchant.id, order: validated })
  return { merchant, references: [blocked.reference, validated.reference], ids: [task.id, attempt.id, issue.id, blocked.id, validated.id] }
}

test('the listing finds merchant routes to check', () => {
  expect(merchantRoutes.map((r) => r.name)).toEqual(expect.arrayContaining(['GET /api/v1/orders', 'GET /api/v1/orders/[reference]']))
})

test.each(merchantRoutes.map((r) => [r.name, r] as const))('%s with merchant A\'s key reads nothing of merchant B', async (_name, route) => {
  const theirs = await otherMerchantWithData()
  const mine = await createTestMerchantKey()
  // A's own data, so that an answer leaking B is not hidden behind an empty page.
  await createTestOrder({ merchantId: mine.merchantId })
  const handler = await importHandler(route)
  const secrets = [theirs.merchant.id, ...theirs.references, ...theirs.ids]
  // Asking with one of B's values must answer exactly as asking with a value nobody has (the
  // request's own value may be echoed, as "Order 4031 not found." does for a missing one).
  const call = async (value: string, where: 'param' | 'query') => {
    const params = Object.fromEntries(route.params.map((p) => [p, where === 'param' ? value : (theirs.references[0] ?? '')]))
    const query = where === 'query' ? `?q=${value}` : ''
    const path = `${fillPath(route, params).slice('/api/v1'.length)}${query}`
    const answer = await callV1(handler, path, { key: mine.secret, method: route.method, params, body: route.method === 'GET' ? undefined : {} })
    return { path, status: answer.status, body: JSON.parse(JSON.stringify(answer.body).replaceAll(value, '<asked>')) as unknown, answer }
  }
  const values = route.params.length > 0 ? [...theirs.references, ...theirs.ids] : theirs.references
  const where = route.params.length > 0 ? 'param' : 'query'
  for (const value of values) {
    const nobody = /^\d+$/.test(value) ? uniqueDigits(value.length) : randomUUID()
    const [asked, missing] = [await call(value, where), await call(nobody, where)]
    expect({ status: asked.status, body: asked.body }, `${route.method} ${asked.path}`).toEqual({ status: missing.status, body: missing.body })
    expectNothingOf(asked.answer, secrets.filter((s) => s !== value), `${route.method} ${asked.path}`)
  }
  // And nothing was done to B: no sync requested by A's key.
  expect(await db.syncTask.count({ where: { merchantId: theirs.merchant.id, origin: 'api' } })).toBe(0)
})
