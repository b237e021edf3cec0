// The SKU mapping routes: a session, bodies checked field by field, the guard's 409 until
// confirmed, 201 with the re-syncs, and another merchant's mapping simply not there.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestSyncIssue, uniqueSku } from '@/lib/sync/testing/sync-factories'
import { createSignedInMerchant, createTestOrder, routeParams, testRequest } from '@/test/factories'
import { DELETE } from './[id]/route'
import { POST as preview } from './preview/route'
import { GET, POST } from './route'

type Impact = { needsConfirmation: boolean; warnings: { code: string; severity: string; params: Record<string, unknown> }[]; counts: Record<string, number> }

const save = (body: unknown, cookie?: string) => POST(testRequest('/api/sku-mappings', { method: 'POST', cookie, body }))
const peek = (body: unknown, cookie?: string) => preview(testRequest('/api/sku-mappings/preview', { method: 'POST', cookie, body }))
const remove = (id: string, cookie?: string) => DELETE(testRequest(`/api/sku-mappings/${id}`, { method: 'DELETE', cookie }), routeParams({ id }))
const list = (cookie?: string) => GET(testRequest('/api/sku-mappings', { cookie }))

test('401 without a session on every route', async () => {
  const uuid = '00000000-0000-4000-8000-000000000000'
  for (const res of [await list(), await save({ ourSku: 'A', bmSku: 'B' }), await peek({ ourSku: 'A', bmSku: 'B' }), await remove(uuid)]) {
    expect(res.status).toBe(401)
  }
})

test('400 naming the field: missing, blank, too long, the same SKU twice, a confirm that is not a boolean, not JSON', async () => {
  const { cookie } = await createSignedInMerchant()
  const cases: Array<[unknown, string]> = [
    [{ bmSku: 'B' }, 'ourSku'],
    [{ ourSku: 'A', bmSku: '   ' }, 'bmSku'],
    [{ ourSku: 'A'.repeat(201), bmSku: 'B' }, 'ourSku'],
    [{ ourSku: 'A', bmSku: ' A ' }, 'bmSku'],
    [{ ourSku: 'A', bmSku: 'B', confirm: 'yes' }, 'confirm'],
    ['{not json', 'body'],
    // PostgreSQL cannot store NUL in text: it was a 500.
    [{ ourSku: 'A\u0000', bmSku: 'B' }, 'ourSku'],
    [{ ourSku: 'A', bmSku: 'B\tC' }, 'bmSku'],
  ]
  for (const [body, field] of cases) {
    const res = await save(body, cookie)
    expect(res.status, JSON.stringify(body)).toBe(400)
    expect(Object.keys(((await res.json()) as { error: { fields: object } }).error.fields)).toContain(field)
  }
  const res = await peek({ ourSku: 'A' }, cookie)
  expect(res.status).toBe(400)
  expect(Object.keys(((await res.json()) as { error: { fields: object } }).error.fields)).toEqual(['bmSku'])
  const nul = await peek({ ourSku: 'A', bmSku: 'B\u0000' }, cookie)
  expect(nul.status).toBe(400)
  expect(await nul.json()).toMatchObject({ error: { fields: { bmSku: ['Must not contain control characters'] } } })
})

test('the preview of a SKU with LIKE characters (%, _, a trailing \\) answers, and matches only that SKU', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  await db.product.create({ data: { merchantId: merchant.id, sku: 'ANY-PRODUCT', title: 'Any' } })
  for (const bmSku of ['%', 'ANY_PRODUCT', 'ends\\']) {
    const res = await peek({ ourSku: 'OURS', bmSku }, cookie)
    expect(res.status, bmSku).toBe(200)
    const { impact } = (await res.json()) as { impact: { warnings: Array<{ code: string }> } }
    expect(impact.warnings.map((w) => w.code)).toEqual(['our_sku_unknown'])
  }
})

test('preview shows the guard and saves nothing; save is 409 with the warnings, then 201 once confirmed, re-syncing the issue it fixes', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  const [ourSku, bmSku] = [uniqueSku(), uniqueSku()]
  const broken = await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED', lines: [{ sku: ourSku, listing: bmSku }] })
  const untouched = await createTestOrder({ merchantId: merchant.id, status: 'CREATED', lines: [{ sku: ourSku, listing: ourSku }] })
  const issue = await createTestSyncIssue({ merchantId: merchant.id, order: broken })

  const previewed = await peek({ ourSku, bmSku }, cookie)
  expect(previewed.status).toBe(200)
  const { impact } = (await previewed.json()) as { impact: Impact }
  expect(impact).toMatchObject({ needsConfirmation: true, counts: { fixed: 1, wouldBreak: 1 } })
  expect(impact.warnings).toEqual([{ code: 'open_orders_would_break', severity: 'warning', params: { count: 1, references: untouched.reference, listing: ourSku } }])

  const refused = await save({ ourSku, bmSku }, cookie)
  expect(refused.status).toBe(409)
  expect(await refused.json()).toMatchObject({ error: { code: 'conflict', details: { impact: { warnings: impact.warnings } } } })
  expect(await db.skuMapping.count({ where: { merchantId: merchant.id } })).toBe(0)

  const saved = await save({ ourSku: ` ${ourSku} `, bmSku, confirm: true }, cookie)
  expect(saved.status).toBe(201)
  const body = (await saved.json()) as { mapping: { id: string }; created: boolean; syncs: { reference: string; syncId: string }[] }
  expect(body).toMatchObject({ created: true, mapping: { ourSku, bmSku }, syncs: [{ reference: broken.reference, error: null }] })
  expect(saved.headers.get('location')).toBe(`/api/sku-mappings/${body.mapping.id}`)
  expect(await db.syncTask.findUniqueOrThrow({ where: { id: body.syncs[0]!.syncId } })).toMatchObject({ origin: 'issue', orderId: broken.id })
  expect(await db.syncIssue.findUniqueOrThrow({ where: { id: issue.id } })).toMatchObject({ status: 'OPEN' })
})

test('list and delete: one’s own mappings only; another merchant’s is a 404, as is a malformed or deleted id', async () => {
  const mine = await createSignedInMerchant()
  const theirs = await createSignedInMerchant()
  const ourSku = uniqueSku()
  await createTestOrder({ merchantId: mine.merchant.id, lines: [{ sku: ourSku }] })
  await createTestOrder({ merchantId: theirs.merchant.id, lines: [{ sku: ourSku }] })
  const a = (await (await save({ ourSku, bmSku: 'MINE' }, mine.cookie)).json()) as { mapping: { id: string } }
  const b = (await (await save({ ourSku, bmSku: 'THEIRS' }, theirs.cookie)).json()) as { mapping: { id: string } }

  expect(await (await list(mine.cookie)).json()).toEqual({ mappings: [expect.objectContaining({ id: a.mapping.id, ourSku, bmSku: 'MINE' })] })
  expect((await remove(b.mapping.id, mine.cookie)).status).toBe(404)
  expect((await remove('not-a-uuid', mine.cookie)).status).toBe(404)
  const deleted = await remove(a.mapping.id, mine.cookie)
  expect(deleted.status).toBe(200)
  expect(await deleted.json()).toMatchObject({ mapping: { id: a.mapping.id, bmSku: 'MINE' } })
  expect((await remove(a.mapping.id, mine.cookie)).status).toBe(404)
  expect(await (await list(mine.cookie)).json()).toEqual({ mappings: [] })
  expect(await (await list(theirs.cookie)).json()).toEqual({ mappings: [expect.objectContaining({ bmSku: 'THEIRS' })] })
})
