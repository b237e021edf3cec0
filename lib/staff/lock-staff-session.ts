// The staff session's row, locked for the rest of the transaction: two tabs opening, acting and
// closing at once apply one after the other, so each audit row says what really changed.
import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { AppError } from '@/lib/errors'

export type StaffSessionState = { staffMerchantId: string | null; staffActing: boolean }

export async function lockStaffSession(tx: Prisma.TransactionClient, sessionId: string): Promise<StaffSessionState> {
  const rows = await tx.$queryRaw<StaffSessionState[]>`
    SELECT "staffMerchantId"::text AS "staffMerchantId", "staffActing" FROM "Session" WHERE id = ${sessionId} FOR UPDATE`
  const row = rows[0]
  // Signed out in another tab between the guard and here.
  if (!row) throw new AppError('unauthorized')
  return row
}
