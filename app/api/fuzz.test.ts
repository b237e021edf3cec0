// The API under fire: every route and method found in app/api (a route added later is fuzzed the
// day it lands), thousands of seeded requests — malformed and hostile bodies, query strings, path
// segments, headers, content types, a share cross-site — from a signed-in merchant who owns real
// rows, and each answer held to test/fuzz/verdict.ts: no 5xx from input, every 4xx naming what is
// wrong. FUZZ_SEED=<n> replays a run; FUZZ_REQUESTS=<n> changes its size.
// Inputs come from our own vocabulary (test/fuzz/values.ts) with a tiny seeded PRNG: a property
// library (fast-check) would add a dependency for generators we would override anyway, and its
// shrinking replays requests against a database whose rows the previous requests changed.
import { randomInt } from 'node:crypto'
import { expect, test } from 'vitest'
import { createSession } from '@/lib/auth/create-session'
import { SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import { db } from '@/lib/db'
import { createTestSyncFailure, createTestSyncIssue } from '@/lib/sync/testing/sync-factories'
import { MAX_JSON_BODY_BYTES } from '@/lib/http/json-body'
import { createTestMerchantKey, createTestWarehouseKey } from '@/test/api-v1'
import { importHandler, isV1Route, listApiRoutes, PUBLIC_V1_ROUTES, v1OperationOf, type RouteHandler } from '@/test/api-routes'
import { createSignedInMerchant, createSignedInStaff, createTestOrder, routeParams, TEST_ORIGIN } from '@/test/factories'
import { createRng } from '@/test/fuzz/prng'
import { drawRequest, type FuzzCredentials, type FuzzRequest } from '@/test/fuzz/requests'
import { bmUnreachable, judge, type FuzzAnswer } from '@/test/fuzz/verdict'
import type { FuzzWorld } from '@/test/fuzz/values'

const SEED = Number(process.env.FUZZ_SEED ?? randomInt(2 ** 31))
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 5_000)
// A few requests in flight, as a browser tab or two would send them; the draw stays sequential.
const IN_FLIGHT = 4

// Merchant keys allow 120 requests a minute each: the v1 share of a run is spread over enough keys.
const MERCHANT_KEYS = 20
const WAREHOUSE_KEYS = 3

async function createWorld() {
  const { merchant, user, cookie } = await createSignedInMerchant()
  const blocked = await createTestOrder({ merchantId: merchant.id, lines: [{ sku: 'FUZZ-Case_1%\\' }] })
  const validated = await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED' })
  await db.product.create({ data: { merchantId: merchant.id, sku: 'FUZZ-Case_1%\\', title: 'A SKU with LIKE characters' } })
  await db.product.create({ data: { merchantId: merchant.id, sku: 'FUZZ-PLAIN', title: 'A plain SKU' } })
  const mapping = await db.skuMapping.create({ data: { merchantId: merchant.id, ourSku: 'FUZZ-OLD', bmSku: 'FUZZ-BM_%' } })
  const { task, attempt } = await createTestSyncFailure({ merchantId: merchant.id, order: validated })
  const issue = await createTestSyncIssue({ merchantId: merchant.id, order: validated })
  const stockIssue = await createTestSyncIssue({ merchantId: merchant.id, operation: 'STOCK', sku: 'FUZZ-PLAIN' })
  const world: FuzzWorld = {
    merchantId: merchant.id,
    references: [blocked.reference, validated.reference],
    ids: [issue.id, stockIssue.id, mapping.id, task.id, attempt.id],
    skus: ['FUZZ-Case_1%\\', 'FUZZ-PLAIN', 'FUZZ-OLD'],
  }
  const merchantKeys = await Promise.all(Array.from({ length: MERCHANT_KEYS }, () => createTestMerchantKey({ merchantId: merchant.id })))
  const warehouseKeys = await Promise.all(Array.from({ length: WAREHOUSE_KEYS }, () => createTestWarehouseKey()))
  const v1 = new Map<string, { keys: string[]; maxBodyBytes: number }>()
  for (const route of listApiRoutes().filter((r) => isV1Route(r) && !PUBLIC_V1_ROUTES.includes(r.name))) {
    const op = await v1OperationOf(route)
    const keys = (op.scope === 'warehouse:write' ? warehouseKeys : merchantKeys).map((k) => k.secret)
    v1.set(route.name, { keys, maxBodyBytes: op.maxBodyBytes ?? MAX_JSON_BODY_BYTES })
  }
  const credentials: FuzzCredentials = { cookie, v1 }
  // The staff routes refuse a merchant's admin before reading anything: they are fuzzed as staff.
  const staff = await createSignedInStaff()
  return { world, userId: user.id, credentials, staffCookie: staff.cookie }
}

test(`${REQUESTS} seeded requests over every API route: no 5xx from input, every 4xx names what is wrong`, { timeout: 300_000 }, async () => {
  console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`)
  const { world, userId, credentials, staffCookie } = await createWorld()
  const routes = listApiRoutes()
  const handlers = new Map<string, RouteHandler>()
  for (const r of routes) handlers.set(r.name, await importHandler(r))

  const rng = createRng(SEED)
  const problems: string[] = []
  const byStatus = new Map<number, number>()
  const byRoute = new Map<string, number>()
  let fiveHundreds = 0
  let unreachable = 0
  const started = Date.now()
  for (let i = 0; i < REQUESTS; i += IN_FLIGHT) {
    const batch: FuzzRequest[] = []
    for (let j = i; j < Math.min(i + IN_FLIGHT, REQUESTS); j++) batch.push(drawRequest(rng, j, rng.pick(routes), world, credentials))
    for (const req of batch.filter((r) => r.route.route.startsWith('/api/staff/') && r.headers.cookie === credentials.cookie)) req.headers.cookie = staffCookie
    // Signing out would end the session the other requests use: it signs out a session of its own.
    for (const req of batch.filter((r) => r.route.name === 'POST /api/auth/logout' && !r.mangledCookie)) {
      req.headers.cookie = `${SESSION_COOKIE_NAME}=${(await createSession({ userId })).token}`
    }
    const answers = await Promise.all(batch.map((req) => send(handlers.get(req.route.name)!, req)))
    for (const [k, res] of answers.entries()) {
      const req = batch[k]!
      byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1)
      byRoute.set(req.route.name, (byRoute.get(req.route.name) ?? 0) + 1)
      if (bmUnreachable(req, res)) unreachable++
      else if (res.status >= 500) fiveHundreds++
      const problem = judge(req, res)
      if (problem && problems.length < 30) problems.push(`#${req.index} ${req.route.method} ${req.url.slice(0, 160)}: ${problem}\n    ${describe(req)}`)
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const statuses = [...byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')
  console.log(`fuzz: ${REQUESTS} requests over ${routes.length} route methods in ${seconds} s; ${fiveHundreds} × 5xx from input, ${unreachable} × 502 Back Market unreachable (valid input naming a real row); ${statuses}`)
  expect(problems, `seed ${SEED}`).toEqual([])
  // Every route the listing found was fuzzed, each a fair share.
  expect(routes.filter((r) => (byRoute.get(r.name) ?? 0) < REQUESTS / routes.length / 3).map((r) => r.name)).toEqual([])
  expect(fiveHundreds).toBe(0)
})

async function send(handler: RouteHandler, req: FuzzRequest): Promise<FuzzAnswer> {
  const request = new Request(new URL(req.url, TEST_ORIGIN), { method: req.route.method, headers: req.headers, body: req.body })
  const res = await handler(request, routeParams(req.params))
  return { status: res.status, headers: res.headers, text: await res.text() }
}

function describe(req: FuzzRequest): string {
  const body = req.body === undefined ? '' : typeof req.body === 'string' ? req.body : `bytes ${Buffer.from(req.body).toString('hex')}`
  const headers = Object.entries(req.headers).filter(([k]) => k !== 'cookie' && k !== 'authorization')
  return `params ${JSON.stringify(req.params).slice(0, 200)} headers ${JSON.stringify(headers).slice(0, 300)} body ${JSON.stringify(body.slice(0, 300))}`
}
