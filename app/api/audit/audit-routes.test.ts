// GET /api/audit and its CSV export: admins only, one merchant's rows only, filters by who, kind,
// order and days in the reader's zone, keyset pages that neither skip nor repeat rows sharing a
// time, and a CSV a spreadsheet opens safely.
import { expect, test } from 'vitest'
import { GET as exportCsv } from '@/app/api/audit/export/route'
import { GET as list } from '@/app/api/audit/route'
import type { AuditEventView } from '@/lib/audit/audit-event-view'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { testActor } from '@/test/audit-fixtures'
import { createSignedInMerchant, testRequest } from '@/test/factories'

type Page = { events: AuditEventView[]; nextCursor: string | null }

async function get(cookie: string, query = ''): Promise<Page> {
  const res = await list(testRequest(`/api/audit${query}`, { cookie }))
  expect(res.status).toBe(200)
  return (await res.json()) as Page
}

async function seeded() {
  const admin = await createSignedInMerchant()
  const other = await createSignedInMerchant()
  const anna = testActor({ id: admin.user.id, name: 'Anna' })
  const key = { kind: 'API_KEY' as const, id: '11111111-1111-4111-8111-111111111111', name: 'bmk_live_Ab12… (ERP)' }
  const at = (iso: string) => new Date(iso)
  const m = admin.merchant.id
  // Paris is UTC+1 in December: 23:30Z on the 2nd is already the 3rd there.
  await recordAudit(db, { actor: anna, merchantId: m, action: 'order.address_updated', orderReference: '1001', at: at('2026-12-02T23:30:00Z'), before: { city: 'Paris' }, after: { city: '=cmd()' } })
  await recordAudit(db, { actor: key, merchantId: m, action: 'order.resync_requested', orderReference: '1001', at: at('2026-12-04T10:00:00Z') })
  await recordAudit(db, { actor: anna, merchantId: m, action: 'webhook.endpoint_created', at: at('2026-12-04T10:00:00Z'), after: { url: 'https://x.example' } })
  await recordAudit(db, { actor: anna, merchantId: m, action: 'webhook.secret_rotated', at: at('2026-12-04T10:00:00Z') })
  await recordAudit(db, { actor: testActor(other.user), merchantId: other.merchant.id, action: 'order.address_updated', orderReference: '1001', at: at('2026-12-04T10:00:00Z') })
  return { admin, other, anna, key }
}

test('admins only: viewers and operators get 403 from both routes', async () => {
  for (const role of ['VIEWER', 'OPERATOR'] as const) {
    const { cookie } = await createSignedInMerchant({ role })
    expect((await list(testRequest('/api/audit', { cookie }))).status).toBe(403)
    expect((await exportCsv(testRequest('/api/audit/export', { cookie }))).status).toBe(403)
  }
})

test('newest first, pages by keyset without skipping or repeating rows of the same instant; never another merchant’s', async () => {
  const { admin } = await seeded()
  const seen: string[] = []
  let cursor: string | null = null
  do {
    const page: Page = await get(admin.cookie, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
    seen.push(...page.events.map((e) => `${e.action}@${e.at}`))
    cursor = page.nextCursor
  } while (cursor)
  expect(seen).toEqual([
    'webhook.secret_rotated@2026-12-04T10:00:00.000Z',
    'webhook.endpoint_created@2026-12-04T10:00:00.000Z',
    'order.resync_requested@2026-12-04T10:00:00.000Z',
    'order.address_updated@2026-12-02T23:30:00.000Z',
  ])
})

test('filters: who (one actor or a kind), an action or its group, the order, and days in the reader’s zone', async () => {
  const { admin, anna } = await seeded()
  const actions = async (q: string) => (await get(admin.cookie, q)).events.map((e) => e.action)
  expect(await actions('?who=kind:API_KEY')).toEqual(['order.resync_requested'])
  expect(await actions(`?who=id:${anna.id}&action=webhook.*`)).toEqual(['webhook.secret_rotated', 'webhook.endpoint_created'])
  expect(await actions('?action=order.address_updated&reference=1001')).toEqual(['order.address_updated'])
  // In the reader's zone (the merchant's, Europe/Paris): the 23:30Z row is on the 3rd.
  expect(await actions('?from=2026-12-03&to=2026-12-03')).toEqual(['order.address_updated'])
  expect(await actions('?to=2026-12-02')).toEqual([])
  // The zone is the one the pages show times in (the bm_tz cookie), not the account's: in Los
  // Angeles the 23:30Z row is still on the 2nd.
  const inLosAngeles = await list(testRequest('/api/audit?to=2026-12-02', { cookie: `${admin.cookie}; bm_tz=America/Los_Angeles` }))
  expect(((await inLosAngeles.json()) as Page).events.map((e) => e.action)).toEqual(['order.address_updated'])
  const csv = await (await exportCsv(testRequest('/api/audit/export?to=2026-12-02', { cookie: `${admin.cookie}; bm_tz=America/Los_Angeles` }))).text()
  expect(csv).toContain('at_local (America/Los_Angeles)')
  expect(csv).toContain('2026-12-02 15:30:00')
})

test('bad filters are a 400 naming the field', async () => {
  const { admin } = await seeded()
  for (const [query, field] of [
    ['?action=order.nope', 'action'],
    ['?from=yesterday', 'from'],
    ['?from=2026-02-31', 'from'],
    ['?from=2026-12-05&to=2026-12-01', 'to'],
    ['?cursor=not-a-cursor', 'cursor'],
    ['?reference=10%0001', 'reference'],
  ]) {
    const res = await list(testRequest(`/api/audit${query}`, { cookie: admin.cookie }))
    expect(res.status, query).toBe(400)
    expect(JSON.stringify(await res.json()), query).toContain(field)
  }
  expect((await exportCsv(testRequest('/api/audit/export?who=nobody', { cookie: admin.cookie }))).status).toBe(400)
  // A NUL reached PostgreSQL (22021) and made the export a 500.
  const nul = await exportCsv(testRequest('/api/audit/export?reference=%00', { cookie: admin.cookie }))
  expect(nul.status).toBe(400)
  expect(JSON.stringify(await nul.json())).toContain('reference')
})

test('the CSV export: BOM, header, RFC 4180 cells, formulas defused, same filters, an attachment, one merchant', async () => {
  const { admin } = await seeded()
  const res = await exportCsv(testRequest('/api/audit/export?reference=1001', { cookie: admin.cookie }))
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/)
  const bytes = new Uint8Array(await res.arrayBuffer())
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').split('\r\n')
  expect(lines[0]).toBe('id,at_utc,at_local (Europe/Paris),actor_kind,actor_id,actor,ip_address,user_agent,action,order_reference,subject_type,subject_id,before,after')
  expect(lines).toHaveLength(4) // header, two rows of this merchant's order 1001, the final CRLF
  expect(lines[1]).toMatch(/^\d+,2026-12-04T10:00:00.000Z,2026-12-04 11:00:00,API_KEY,11111111-1111-4111-8111-111111111111,bmk_live_Ab12… \(ERP\),,,order.resync_requested,1001,,,,$/)
  expect(lines[2]).toContain(`"{""city"":""Paris""}","{""city"":""=cmd()""}"`)
  expect(lines[2]).toContain(',Anna <test@test.example>,203.0.113.7,vitest,order.address_updated,')
})
