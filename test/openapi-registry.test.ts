// Every route under app/api/v1 is in the operation registry (so in the OpenAPI document), and
// every registered operation has its route: the reference neither misses a route nor describes
// one that does not exist.
import { expect, test } from 'vitest'
import { API_BASE_PATH, OPENAPI_DOCUMENT_PATH } from '@/lib/api-v1/openapi-paths'
import { V1_OPERATIONS } from '@/lib/api-v1/operations'
import { listApiRoutes } from '@/test/api-routes'

/** `/api/v1/orders/[reference]` as OpenAPI spells it below the server URL: `/orders/{reference}`. */
function toOpenApiPath(route: string): string {
  return route.slice(API_BASE_PATH.length).replace(/\[([^\]]+)\]/g, '{$1}')
}

const v1Routes = listApiRoutes().filter((r) => r.route.startsWith(`${API_BASE_PATH}/`))
const served = v1Routes.map((r) => `${r.method} ${toOpenApiPath(r.route)}`)

test('a Next route folder reads as its OpenAPI path', () => {
  expect(toOpenApiPath('/api/v1/orders/[reference]/resync')).toBe('/orders/{reference}/resync')
  expect(toOpenApiPath('/api/v1/openapi.json')).toBe('/openapi.json')
})

test('every /api/v1 route is a registered operation (or the document itself)', () => {
  const documented = new Set([`GET ${OPENAPI_DOCUMENT_PATH}`, ...V1_OPERATIONS.map((op) => `${op.method} ${op.path}`)])
  expect(served.filter((route) => !documented.has(route))).toEqual([])
})

test('every registered operation is served by a route', () => {
  const routes = new Set(served)
  expect(V1_OPERATIONS.map((op) => `${op.method} ${op.path}`).filter((op) => !routes.has(op))).toEqual([])
})

test('operation ids are unique', () => {
  const ids = V1_OPERATIONS.map((op) => op.operationId)
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
})
