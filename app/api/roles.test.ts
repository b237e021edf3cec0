// The role × route proof: every route and method of app/api (read from the files, so a route added
// later without its row in test/role-rules.ts fails here), called by each kind of caller — nobody,
// viewer, operator, admin, staff with nothing open, staff read-only, staff acting. A refused caller
// gets exactly 403 forbidden (401 when signed out) before the route looks at its input or data: the
// same answer whatever the body and query, saying why (the role, read-only staff, no merchant
// open), and nothing written. An allowed caller gets anything but 401/403 (junk input: mostly 400
// or 404), and never a 500.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { fillPath, importHandler, listApiRoutes, type ApiRoute } from '@/test/api-routes'
import { createTestOrder, routeParams, testRequest } from '@/test/factories'
import { ROUTE_RULES } from '@/test/role-rules'
import { CALLERS, createRoleCallers, expectedRefusal, isAllowed, type Caller, type Rule } from '@/test/roles-fixtures'

const reference = '40300002'
const uuid = '00000000-0000-4000-8000-000000000000'
const routes = listApiRoutes()
const ruleOf = (route: ApiRoute) => ROUTE_RULES[route.name]
const checked = routes.filter((r) => ruleOf(r) !== undefined && ruleOf(r) !== 'v1')

test('every route has its row in the permission table, and every row its route', () => {
  const names = routes.map((r) => r.name)
  expect(names.filter((n) => !(n in ROUTE_RULES)), 'routes without a row in test/role-rules.ts').toEqual([])
  expect(Object.keys(ROUTE_RULES).filter((n) => !names.includes(n)), 'rows of test/role-rules.ts without a route').toEqual([])
  const v1 = routes.length - checked.length
  // Quoted in the closing note: the size of the matrix the test below walks.
  console.log(`role × route matrix: ${checked.length} routes × ${CALLERS.length} callers = ${checked.length * CALLERS.length} cells (+ ${v1} /api/v1 routes: API keys, covered by their own tests)`)
})

/** Two inputs as unlike as a caller could send: a refusal must not depend on which one. */
function inputs(route: ApiRoute) {
  const mutation = route.method !== 'GET'
  return [
    { query: '?q=bad!&page=-1&cursor=%00', body: mutation ? { version: -1, ids: 'bad', token: 'x', role: 'ADMIN' } : undefined },
    { query: '', body: mutation ? {} : undefined },
  ]
}

async function call(route: ApiRoute, caller: Caller, input: { query: string; body: unknown }) {
  const params = Object.fromEntries(route.params.map((p) => [p, p === 'reference' ? reference : uuid]))
  const handler = await importHandler(route)
  const req = testRequest(`${fillPath(route, params)}${input.query}`, { method: route.method, cookie: caller.cookie, body: input.body })
  const res = await handler(req, routeParams(params))
  const text = await res.text()
  return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : text }
}

const auditCount = (merchantId: string) => db.auditEvent.count({ where: { merchantId } })

test.each(checked.map((r) => [`${r.name} (${ruleOf(r)})`, r] as const))('%s answers each caller by its role', async (_name, route) => {
  const rule = ruleOf(route) as Exclude<Rule, 'v1'>
  const { merchant, callers } = await createRoleCallers()
  await createTestOrder({ merchantId: merchant.id, reference })
  const [junk, empty] = inputs(route)

  for (const caller of callers) {
    const cell = `${route.name} as ${caller.name}`
    if (isAllowed(rule, caller.name)) {
      const answer = await call(route, caller, junk!)
      expect([401, 403, 500], `${cell}: allowed, answered ${answer.status} ${JSON.stringify(answer.body)}`).not.toContain(answer.status)
      continue
    }
    const before = await auditCount(merchant.id)
    const first = await call(route, caller, junk!)
    const second = await call(route, caller, empty!)
    expect(second, `${cell}: the refusal must not depend on the input`).toEqual(first)
    expect(await auditCount(merchant.id), `${cell}: a refused call writes nothing`).toBe(before)
    if (caller.name === 'anonymous') {
      expect(first, cell).toEqual({ status: 401, body: { error: { code: 'unauthorized', message: 'Please sign in.' } } })
      continue
    }
    expect(first.status, `${cell}: ${JSON.stringify(first.body)}`).toBe(403)
    const error = (first.body as { error: { code: string; details?: unknown } }).error
    expect(error.code, cell).toBe('forbidden')
    const refusal = expectedRefusal(rule, caller.name)
    if (refusal) expect(error.details, cell).toEqual(refusal)
  }
})
