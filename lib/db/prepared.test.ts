import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { prepared, runPrepared } from './prepared'

const echo = prepared('test_prepared_echo', `SELECT $1::timestamp AS at, count(*) AS n, $2::text AS label FROM generate_series(1, $3::int)`)

describe('runPrepared', () => {
  it('reads timestamp columns as the UTC instant Prisma stored, and counts as numbers', async () => {
    const at = new Date('2026-03-29T01:30:00.123Z')
    const [row] = await runPrepared<{ at: Date; n: number; label: string }>(echo, [at, 'x', 3])
    expect(row).toEqual({ at, n: 3, label: 'x' })
  })

  it('agrees with Prisma on a row Prisma wrote, and runs again under the same name', async () => {
    const now = new Date('2026-07-01T22:15:00.500Z')
    const [viaPrisma] = await db.$queryRaw<{ at: Date }[]>`SELECT ${now}::timestamp AS at`
    for (let i = 0; i < 3; i++) {
      const [row] = await runPrepared<{ at: Date }>(echo, [now, String(i), 1])
      expect(row?.at.getTime()).toBe(viaPrisma?.at.getTime())
    }
  })
})
