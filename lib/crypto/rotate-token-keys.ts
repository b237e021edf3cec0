// Re-encrypts every merchant's Back Market token with the newest key (`npm run tokens:rotate`).
// Safe to re-run (a token already under the newest key is left alone) and to run while the app
// and workers run: each row is rewritten only if it still holds the ciphertext that was read
// (compare-and-set), so a token changed meanwhile is never overwritten with an older value.
import 'server-only'
import { db } from '@/lib/db'
import type { TokenKeyring } from '@/lib/env/token-keys'
import { decryptToken, encryptToken, needsRotation, tokenKeyring } from './token-cipher'

export type RotationReport = {
  keyId: string
  merchants: number
  rotated: number
  alreadyCurrent: number
  /** Changed by someone else between our read and our write: run again to rotate them. */
  changedMeanwhile: number
  /** Merchant ids whose token no configured key opens (never the token itself). */
  unreadable: string[]
}

const BATCH = 200

/** `merchantIds`: only these merchants (a trial on a few before all of them); default every one. */
export async function rotateTokenKeys(opts: { keyring?: TokenKeyring; merchantIds?: string[] } = {}): Promise<RotationReport> {
  const keyring = opts.keyring ?? tokenKeyring()
  const report: RotationReport = { keyId: keyring.currentId, merchants: 0, rotated: 0, alreadyCurrent: 0, changedMeanwhile: 0, unreadable: [] }
  for (let after: string | undefined; ; ) {
    const rows = await db.merchant.findMany({
      // A disconnected merchant has no token to rotate.
      where: { bmTokenEncrypted: { not: null }, ...(opts.merchantIds ? { id: { in: opts.merchantIds } } : {}) },
      select: { id: true, bmTokenEncrypted: true },
      orderBy: { id: 'asc' },
      take: BATCH,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    })
    if (rows.length === 0) return report
    after = rows.at(-1)!.id
    for (const { id, bmTokenEncrypted } of rows) {
      if (bmTokenEncrypted === null) continue
      const row = { id, bmTokenEncrypted }
      report.merchants += 1
      if (!needsRotation(row.bmTokenEncrypted, keyring)) {
        report.alreadyCurrent += 1
        continue
      }
      let plain: string
      try {
        plain = decryptToken(row.bmTokenEncrypted, { merchantId: row.id, keyring })
      } catch {
        report.unreadable.push(row.id)
        continue
      }
      const sealed = encryptToken(plain, { merchantId: row.id, keyring })
      const { count } = await db.merchant.updateMany({
        where: { id: row.id, bmTokenEncrypted: row.bmTokenEncrypted },
        data: { bmTokenEncrypted: sealed },
      })
      if (count === 1) report.rotated += 1
      else report.changedMeanwhile += 1
    }
  }
}
