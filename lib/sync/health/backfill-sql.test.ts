import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { backfillMigrationSql } from './backfill-sql'

test('the backfill migration is the rebuild over every merchant, as the code says it today', () => {
  const dir = path.join(process.cwd(), 'prisma/migrations')
  const folder = readdirSync(dir).find((name) => name.endsWith('_health_backfill'))
  expect(folder).toBeDefined()
  expect(readFileSync(path.join(dir, folder!, 'migration.sql'), 'utf8')).toBe(backfillMigrationSql())
})
