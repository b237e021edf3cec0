// One PostgreSQL for the whole test run: the embedded one in a throwaway folder, or the server
// named by TEST_DATABASE_URL / DATABASE_URL. Each run gets a fresh database with the committed
// migrations applied, so tests run against exactly what production runs.
import { randomBytes } from 'node:crypto'
import { applyMigrations, recreateDatabase } from '../scripts/lib/migrate-sql'
import { databaseUrl, dropDatabase, startPostgresServer } from '../scripts/lib/postgres-server'

export default async function setup() {
  const server = await startPostgresServer({ external: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL, cluster: 'test-pg' })
  const dbName = `bm_test_${randomBytes(4).toString('hex')}`
  await recreateDatabase(server.adminUrl, dbName)
  process.env.DATABASE_URL = databaseUrl(server.adminUrl, dbName)
  await applyMigrations(process.env.DATABASE_URL)

  return async () => {
    // An embedded cluster goes with its databases; on a server of the user's, drop ours.
    if (server.kind === 'external') await dropDatabase(server.adminUrl, dbName)
    await server.stop()
  }
}
