import { createCipheriv, randomBytes } from 'node:crypto'
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { parseTokenKeys } from '@/lib/env/token-keys'
import { createTestMerchant } from '@/test/factories'
import { rotateTokenKeys } from './rotate-token-keys'
import { decryptToken, encryptToken } from './token-cipher'

const rawKey = () => randomBytes(32).toString('base64')

function sealV1(plain: string, key: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'base64'), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':')
}

/** Three merchants: one in the v1 format, one under the old key, one under a key nobody has. */
async function merchantsBeforeRotation(oldKey: string) {
  const old = parseTokenKeys({ keys: `old:${oldKey}` })
  const legacy = await createTestMerchant({ bmToken: 'token-legacy' })
  const keyed = await createTestMerchant({ bmToken: 'token-keyed' })
  const lost = await createTestMerchant({ bmToken: 'token-lost' })
  await db.merchant.update({ where: { id: legacy.id }, data: { bmTokenEncrypted: sealV1('token-legacy', oldKey) } })
  await db.merchant.update({ where: { id: keyed.id }, data: { bmTokenEncrypted: encryptToken('token-keyed', { merchantId: keyed.id, keyring: old }) } })
  const gone = parseTokenKeys({ keys: `gone:${rawKey()}` })
  await db.merchant.update({ where: { id: lost.id }, data: { bmTokenEncrypted: encryptToken('token-lost', { merchantId: lost.id, keyring: gone }) } })
  return { legacy, keyed, lost }
}

test('rotation re-encrypts every token with the newest key, old ones readable until then, and is idempotent', async () => {
  const oldKey = rawKey()
  const { legacy, keyed, lost } = await merchantsBeforeRotation(oldKey)
  const keyring = parseTokenKeys({ keys: `new:${rawKey()},old:${oldKey}` })
  const merchantIds = [legacy.id, keyed.id, lost.id]
  const stored = async (id: string) => (await db.merchant.findUniqueOrThrow({ where: { id } })).bmTokenEncrypted ?? expect.unreachable("a connected merchant has a token")

  // Before rotation, the new keyring already reads both older forms.
  expect(decryptToken(await stored(legacy.id), { merchantId: legacy.id, keyring })).toBe('token-legacy')
  expect(decryptToken(await stored(keyed.id), { merchantId: keyed.id, keyring })).toBe('token-keyed')
  const lostBefore = await stored(lost.id)

  const first = await rotateTokenKeys({ keyring, merchantIds })
  expect(first).toEqual({ keyId: 'new', merchants: 3, rotated: 2, alreadyCurrent: 0, changedMeanwhile: 0, unreadable: [lost.id] })
  for (const [m, token] of [[legacy, 'token-legacy'], [keyed, 'token-keyed']] as const) {
    const sealed = await stored(m.id)
    expect(sealed.split(':').slice(0, 2)).toEqual(['v2', 'new'])
    // Readable with the newest key alone: the old one can now be retired.
    const newestOnly = parseTokenKeys({ keys: `new:${keyring.keys.get('new')!.toString('base64')}` })
    expect(decryptToken(sealed, { merchantId: m.id, keyring: newestOnly })).toBe(token)
  }
  expect(await stored(lost.id)).toBe(lostBefore)

  const second = await rotateTokenKeys({ keyring, merchantIds })
  expect(second).toMatchObject({ rotated: 0, alreadyCurrent: 2, unreadable: [lost.id] })
})

/** Resolves once some statement waits for a row lock (the rotation's write, behind ours). */
async function untilAWriteWaits() {
  for (let i = 0; i < 100; i++) {
    const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE 'UPDATE%"Merchant"%'`
    if (row!.n > 0) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('the rotation never reached its write')
}

test('a token changed between the read and the write is left as the other writer set it', async () => {
  const oldKey = rawKey()
  const m = await createTestMerchant({ bmToken: 'first' })
  const old = parseTokenKeys({ keys: `old:${oldKey}` })
  await db.merchant.update({ where: { id: m.id }, data: { bmTokenEncrypted: encryptToken('first', { merchantId: m.id, keyring: old }) } })
  const keyring = parseTokenKeys({ keys: `new:${rawKey()},old:${oldKey}` })

  // Another writer holds the row, uncommitted: the rotation reads the committed 'first', then its
  // write waits; the other writer commits 'second'; the rotation's compare-and-set must miss.
  let rotation: ReturnType<typeof rotateTokenKeys> | undefined
  await db.$transaction(async (tx) => {
    await tx.merchant.update({ where: { id: m.id }, data: { bmTokenEncrypted: encryptToken('second', { merchantId: m.id, keyring: old }) } })
    rotation = rotateTokenKeys({ keyring, merchantIds: [m.id] })
    await untilAWriteWaits()
  })
  expect(await rotation).toMatchObject({ rotated: 0, changedMeanwhile: 1 })
  const after = (await db.merchant.findUniqueOrThrow({ where: { id: m.id } })).bmTokenEncrypted
  expect(decryptToken(after ?? expect.unreachable("still connected"), { merchantId: m.id, keyring })).toBe('second')

  // Run again: now it rotates.
  expect(await rotateTokenKeys({ keyring, merchantIds: [m.id] })).toMatchObject({ rotated: 1, changedMeanwhile: 0 })
})
