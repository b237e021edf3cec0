// `npm run health:rebuild` as an operator runs it: a real process against the test database.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestSyncFailure } from '@/lib/sync/testing/sync-factories'
import { createTestMerchant } from '@/test/factories'

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.resolve('scripts/rebuild-health.ts'), ...args], {
    env: { ...process.env, LOG_LEVEL: 'fatal' },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

test('--merchant <id> rebuilds that merchant\'s summary from its records; a summary lost or wrong is made right', { timeout: 60_000 }, async () => {
  const merchant = await createTestMerchant()
  await createTestSyncFailure({ merchantId: merchant.id, at: new Date(Date.now() - 60_000) })
  await createTestSyncFailure({ merchantId: merchant.id, operation: 'STOCK' })
  const right = await db.syncFailureGroup.findMany({ where: { merchantId: merchant.id }, omit: { id: true }, orderBy: { groupKey: 'asc' } })
  expect(right).toHaveLength(2)
  // As after a restore from a backup taken between two writes.
  await db.syncFailureGroup.deleteMany({ where: { merchantId: merchant.id } })
  await db.merchantHealth.update({ where: { merchantId: merchant.id }, data: { parcelFailedAt: null, openIssues: 7 } })

  const { code, stdout } = await run(['--merchant', merchant.id])
  expect(code).toBe(0)
  expect(stdout).toContain(`merchant ${merchant.id} rebuilt`)
  expect(await db.syncFailureGroup.findMany({ where: { merchantId: merchant.id }, omit: { id: true }, orderBy: { groupKey: 'asc' } })).toEqual(right)
  expect(await db.merchantHealth.findUniqueOrThrow({ where: { merchantId: merchant.id } })).toMatchObject({ openIssues: 0, parcelFailedAt: right.find((g) => g.operation === 'ACCEPT')!.lastAt })
})

test('a merchant id that is not a UUID, or no such merchant: exit 1 saying so, nothing touched', { timeout: 60_000 }, async () => {
  const bad = await run(['--merchant', 'nope'])
  expect(bad.code).toBe(1)
  expect(bad.stderr).toContain('health:rebuild failed')
  const missing = await run(['--merchant', '00000000-0000-4000-8000-000000000000'])
  expect(missing.code).toBe(1)
  expect(missing.stderr).toContain('no merchant 00000000-0000-4000-8000-000000000000')
})

test('with no merchant named it rebuilds every merchant, batch by batch', { timeout: 60_000 }, async () => {
  const merchant = await createTestMerchant()
  await createTestSyncFailure({ merchantId: merchant.id })
  await db.merchantHealth.delete({ where: { merchantId: merchant.id } })
  const { code, stdout } = await run(['--batch', '2'])
  expect(code).toBe(0)
  expect(stdout).toMatch(/health:rebuild: \d+ merchants rebuilt/)
  expect(await db.merchantHealth.findUniqueOrThrow({ where: { merchantId: merchant.id } })).toMatchObject({ openIssues: 0, parcelFailedAt: expect.any(Date) })
})
