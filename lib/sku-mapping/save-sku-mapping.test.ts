// Saving a mapping: the guard's warnings stop it until confirmed; once saved, exactly the issues
// it can fix are re-synced (and left open until their sync succeeds); other merchants untouched.
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { createTestSyncIssue, uniqueSku } from '@/lib/sync/testing/sync-factories'
import { auditRows, testActor } from '@/test/audit-fixtures'
import { createSignedInMerchant, createTestOrder } from '@/test/factories'
import { deleteSkuMapping } from './delete-sku-mapping'
import { listSkuMappings } from './list-sku-mappings'
import { saveSkuMapping } from './save-sku-mapping'

async function merchantWithSku() {
  const { merchant, user } = await createSignedInMerchant()
  return { merchantId: merchant.id, actor: testActor(user), ourSku: uniqueSku(), bmSku: uniqueSku() }
}

test('with warnings and no confirmation: 409 carrying the warnings, nothing saved; confirmed: saved', async () => {
  const m = await merchantWithSku()
  // An open order Back Market still sells under our SKU: the mapping would break it.
  const open = await createTestOrder({ merchantId: m.merchantId, status: 'VALIDATED', lines: [{ sku: m.ourSku, listing: m.ourSku }] })

  const refused = await saveSkuMapping({ ...m, confirm: false }).catch((e: unknown) => e)
  expect(refused).toBeInstanceOf(AppError)
  expect(refused).toMatchObject({ code: 'conflict', details: { impact: { needsConfirmation: true, counts: { wouldBreak: 1 } } } })
  const { impact } = (refused as AppError).details as { impact: { warnings: { code: string; params: Record<string, unknown> }[] } }
  expect(impact.warnings).toContainEqual(expect.objectContaining({ code: 'open_orders_would_break', params: expect.objectContaining({ references: open.reference }) }))
  expect(await db.skuMapping.count({ where: { merchantId: m.merchantId } })).toBe(0)

  const saved = await saveSkuMapping({ ...m, confirm: true })
  expect(saved).toMatchObject({ created: true, mapping: { ourSku: m.ourSku, bmSku: m.bmSku }, syncs: [] })
  expect(await db.skuMapping.findFirstOrThrow({ where: { merchantId: m.merchantId } })).toMatchObject({ bmSku: m.bmSku, createdById: m.actor.id })
  expect(await auditRows(m.merchantId)).toMatchObject([{ action: 'sku_mapping.saved', actorId: m.actor.id, before: null, after: { ourSku: m.ourSku, bmSku: m.bmSku } }])
})

test('without warnings no confirmation is needed; the cached listing id of our product is dropped', async () => {
  const m = await merchantWithSku()
  await db.product.create({ data: { merchantId: m.merchantId, sku: m.ourSku, title: 'Phone', bmListingId: 'found-under-the-old-sku' } })
  const saved = await saveSkuMapping({ ...m, confirm: false })
  expect(saved.impact.warnings.map((w) => w.code)).toEqual(['cached_listing'])
  expect(await db.product.findFirstOrThrow({ where: { merchantId: m.merchantId } })).toMatchObject({ bmListingId: null })
})

test('re-syncs exactly the active issues the mapping can fix, and resolves none of them yet', async () => {
  const m = await merchantWithSku()
  const order = (sku: string, status: 'VALIDATED' | 'IN_TRANSIT' = 'VALIDATED', merchantId = m.merchantId) =>
    createTestOrder({ merchantId, status, lines: [{ sku, listing: m.bmSku }, { sku: uniqueSku() }] })
  const issue = (o: { id: string; reference: string } | null, over: Parameters<typeof createTestSyncIssue>[0]) => createTestSyncIssue({ ...(o ? { order: o } : {}), ...over })

  const carrying = await order(m.ourSku)
  const retrying = await order(m.ourSku)
  const fix = [
    await issue(carrying, { merchantId: m.merchantId }),
    await issue(retrying, { merchantId: m.merchantId, status: 'RETRYING' }),
    await issue(null, { merchantId: m.merchantId, operation: 'STOCK', sku: m.ourSku, kind: 'CONNECTION' }),
  ]
  const leave = [
    await issue(await order(uniqueSku()), { merchantId: m.merchantId }), // not carrying our SKU
    await issue(await order(m.ourSku), { merchantId: m.merchantId, status: 'RESOLVED' }),
    await issue(await order(m.ourSku), { merchantId: m.merchantId, status: 'DISMISSED' }),
    await issue(await order(m.ourSku), { merchantId: m.merchantId, kind: 'STATUS_ERROR' }),
    await issue(await order(m.ourSku, 'IN_TRANSIT'), { merchantId: m.merchantId, operation: 'SHIP' }), // shipping sends no SKU
    await issue(null, { merchantId: m.merchantId, operation: 'STOCK', sku: uniqueSku() }),
  ]
  const stranger = await createSignedInMerchant()
  const theirs = await issue(await order(m.ourSku, 'VALIDATED', stranger.merchant.id), { merchantId: stranger.merchant.id })

  const { syncs } = await saveSkuMapping({ ...m, confirm: false })
  expect(syncs.map((s) => [s.reference, s.sku, s.error]).sort()).toEqual(
    [
      [carrying.reference, null, null],
      [retrying.reference, null, null],
      [null, m.ourSku, null],
    ].sort(),
  )
  const tasks = await db.syncTask.findMany({ where: { id: { in: syncs.map((s) => s.syncId!) } } })
  expect(tasks.map((t) => [t.operation, t.origin, t.requestedById, t.status]).sort()).toEqual(
    [
      ['ACCEPT', 'issue', m.actor.id, 'QUEUED'],
      ['ACCEPT', 'issue', m.actor.id, 'QUEUED'],
      ['STOCK', 'issue', m.actor.id, 'QUEUED'],
    ].sort(),
  )
  // Resolved only when a re-sync succeeds: nothing changed on the issues yet.
  const statuses = await db.syncIssue.findMany({ where: { id: { in: [...fix, ...leave, theirs].map((i) => i.id) } }, select: { id: true, status: true } })
  expect(new Map(statuses.map((s) => [s.id, s.status]))).toEqual(new Map([...fix, ...leave, theirs].map((i) => [i.id, i.status])))
  expect(await db.syncTask.count({ where: { merchantId: stranger.merchant.id } })).toBe(0)
})

test('tenancy: the same SKU mapped by two merchants stays two mappings; list and delete see only one’s own', async () => {
  const a = await merchantWithSku()
  const b = await createSignedInMerchant()
  await saveSkuMapping({ ...a, confirm: true })
  await saveSkuMapping({ merchantId: b.merchant.id, actor: testActor(b.user), ourSku: a.ourSku, bmSku: 'THEIRS', confirm: true })

  const [mine] = await listSkuMappings({ merchantId: a.merchantId })
  expect(await listSkuMappings({ merchantId: a.merchantId })).toEqual([expect.objectContaining({ ourSku: a.ourSku, bmSku: a.bmSku })])
  await expect(deleteSkuMapping({ merchantId: b.merchant.id, id: mine!.id, actor: testActor(b.user) })).rejects.toMatchObject({ code: 'not_found' })
  expect(await deleteSkuMapping({ merchantId: a.merchantId, id: mine!.id, actor: a.actor })).toMatchObject({ id: mine!.id, ourSku: a.ourSku })
  expect((await auditRows(a.merchantId)).map((r) => [r.action, r.actorId, r.before])).toEqual([
    ['sku_mapping.saved', a.actor.id, null],
    ['sku_mapping.deleted', a.actor.id, { ourSku: a.ourSku, bmSku: a.bmSku }],
  ])
  expect(await listSkuMappings({ merchantId: a.merchantId })).toEqual([])
  expect(await listSkuMappings({ merchantId: b.merchant.id })).toEqual([expect.objectContaining({ bmSku: 'THEIRS' })])
})

test('a second save replaces the mapping once the replacement is confirmed', async () => {
  const m = await merchantWithSku()
  await db.product.create({ data: { merchantId: m.merchantId, sku: m.ourSku, title: 'Phone' } })
  await saveSkuMapping({ ...m, confirm: false })
  await expect(saveSkuMapping({ ...m, bmSku: 'NEWER', confirm: false })).rejects.toMatchObject({ code: 'conflict' })
  const again = await saveSkuMapping({ ...m, bmSku: 'NEWER', confirm: true })
  expect(again).toMatchObject({ created: false, mapping: { bmSku: 'NEWER' } })
  expect(again.impact.warnings.map((w) => w.code)).toContain('replaces_mapping')
  // The refused save wrote nothing; the replacement records the mapping before and after.
  expect((await auditRows(m.merchantId, 'sku_mapping.saved')).map((r) => [r.before, r.after])).toEqual([
    [null, { ourSku: m.ourSku, bmSku: m.bmSku }],
    [{ ourSku: m.ourSku, bmSku: m.bmSku }, { ourSku: m.ourSku, bmSku: 'NEWER' }],
  ])
})
