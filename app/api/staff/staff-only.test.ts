// Every /api/staff route (found in the tree, so a new one is covered the day it lands) refuses the
// merchants' own people, whatever their role and whatever they send: 403 forbidden, nothing written.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { fillPath, importHandler, listApiRoutes } from '@/test/api-routes'
import { createSignedInMerchant, createTestMerchant, routeParams, testRequest } from '@/test/factories'

const staffRoutes = listApiRoutes().filter((r) => r.route.startsWith('/api/staff/'))

test('the listing finds the staff routes', () => {
  expect(staffRoutes.map((r) => r.name).sort()).toEqual([
    'DELETE /api/staff/session',
    'DELETE /api/staff/warehouse-keys/[id]',
    'GET /api/staff/merchants',
    'GET /api/staff/warehouse-keys',
    'POST /api/staff/merchants',
    'POST /api/staff/merchants/[id]/open',
    'POST /api/staff/session/acting',
    'POST /api/staff/warehouse-keys',
  ])
})

test.each(staffRoutes.map((r) => [r.name, r] as const))('%s: 403 for a merchant’s viewer, operator and admin', async (_name, route) => {
  const target = await createTestMerchant()
  const handler = await importHandler(route)
  const params = { id: target.id }
  const bodies = route.method === 'GET' || route.method === 'DELETE' ? [undefined] : [{ acting: true }, { name: 'WMS', markets: ['fr-fr'] }, 'junk']
  for (const role of ['VIEWER', 'OPERATOR', 'ADMIN'] as const) {
    const { cookie, user } = await createSignedInMerchant({ role })
    for (const body of bodies) {
      const res = await handler(testRequest(fillPath(route, params), { method: route.method, cookie, body }), routeParams(params))
      expect(res.status, `${role} ${JSON.stringify(body)}`).toBe(403)
      expect((await res.json()).error.code).toBe('forbidden')
    }
    expect(await db.auditEvent.count({ where: { actorId: user.id } })).toBe(0)
  }
})
