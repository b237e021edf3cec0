import { describe, expect, it } from 'vitest'
import { hashSessionToken } from '@/lib/auth/session-token'
import { db } from '@/lib/db'
import { createSignedInMerchant } from '@/test/factories'
import { prepared, runPrepared } from './prepared'

const echo = prepared('test_prepared_echo', `SELECT $1::timestamp AS at, count(*) AS n, $2::text AS label FROM generate_series(1, $3::int)`)
const sessionTimes = prepared('test_prepared_session_times', `SELECT "expiresAt" AS "expiresAt", "lastSeenAt" AS "lastSeenAt" FROM "Session" WHERE id = $1`)

describe('runPrepared', () => {
  it('reads timestamp columns as the UTC instant Prisma stored, and counts as numbers', async () => {
    const at = new Date('2026-03-29T01:30:00.123Z')
    const [row] = await runPrepared<{ at: Date; n: number; label: string }>(echo, [at, 'x', 3])
    expect(row).toEqual({ at, n: 3, label: 'x' })
  })

  it('reads back the instants of a row Prisma wrote, and runs again under the same name', async () => {
    const { token } = await createSignedInMerchant()
    const id = hashSessionToken(token)
    const expiresAt = new Date('2026-03-29T01:30:00.500Z')
    const lastSeenAt = new Date('2026-07-01T22:15:00.007Z')
    await db.session.update({ where: { id }, data: { expiresAt, lastSeenAt } })
    for (let i = 0; i < 3; i++) {
      expect(await runPrepared<{ expiresAt: Date; lastSeenAt: Date }>(sessionTimes, [id])).toEqual([{ expiresAt, lastSeenAt }])
    }
  })
})

describe('prepared', () => {
  it('refuses a name already given to another text, and takes the same text again', () => {
    expect(prepared('test_prepared_echo', echo.text)).toEqual(echo)
    expect(() => prepared('test_prepared_echo', 'SELECT 1')).toThrow('Prepared statement "test_prepared_echo" is already named for another text')
  })
})
