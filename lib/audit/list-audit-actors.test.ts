import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createSignedInMerchant } from '@/test/factories'
import { listAuditActors } from './list-audit-actors'
import { recordAudit } from './record-audit'
import { workerActor } from './actor'

test('each person or key once, under the name of their latest row; workers and other merchants left out', async () => {
  const { merchant, user } = await createSignedInMerchant()
  const other = await createSignedInMerchant()
  const person = (name: string) => ({ kind: 'USER' as const, id: user.id, name, ipAddress: null, userAgent: null })
  const key = { kind: 'API_KEY' as const, id: '22222222-2222-4222-8222-222222222222', name: 'bmk_live_Zz99… (ERP)', ipAddress: null, userAgent: null }
  const m = merchant.id
  await recordAudit(db, { actor: person('Old Name'), merchantId: m, action: 'user.preferences_updated', at: new Date('2026-12-01T10:00:00Z') })
  await recordAudit(db, { actor: person('New Name'), merchantId: m, action: 'user.preferences_updated', at: new Date('2026-12-03T10:00:00Z') })
  await recordAudit(db, { actor: person('Old Name'), merchantId: m, action: 'user.preferences_updated', at: new Date('2026-12-02T10:00:00Z') })
  await recordAudit(db, { actor: key, merchantId: m, action: 'order.resync_requested', at: new Date('2026-12-02T10:00:00Z') })
  await recordAudit(db, { actor: workerActor('import-orders'), merchantId: m, action: 'backmarket.token_refused', at: new Date('2026-12-02T10:00:00Z') })
  await recordAudit(db, { actor: { ...person('Elsewhere'), id: other.user.id }, merchantId: other.merchant.id, action: 'user.preferences_updated' })
  expect(await listAuditActors({ merchantId: m })).toEqual([
    { kind: 'API_KEY', id: key.id, name: key.name },
    { kind: 'USER', id: user.id, name: 'New Name' },
  ])
  expect(await listAuditActors({ merchantId: m, limit: 1 })).toHaveLength(1)
})
