// One PostgreSQL for the whole test run: the embedded one in a throwaway folder, or the server
// named by TEST_DATABASE_URL / DATABASE_URL. Each run gets a fresh database with the committed
// migrations applied, so tests run against exactly what production runs.
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { startEmbeddedPostgres } from '../scripts/lib/embedded-pg'
import { applyMigrations, recreateDatabase } from '../scripts/lib/migrate-sql'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))))
    })
  })
}

export default async function setup() {
  const external = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL
  let stop = async () => {}
  let adminUrl: string
  const dbName = `bm_test_${randomBytes(4).toString('hex')}`
  if (external) {
    const u = new URL(external)
    u.pathname = '/postgres'
    adminUrl = u.toString()
  } else {
    // A throwaway cluster: stop() removes it.
    const pg = await startEmbeddedPostgres({ cluster: 'test-pg', port: await freePort(), persistent: false })
    adminUrl = pg.url('postgres')
    stop = pg.stop
  }
  await recreateDatabase(adminUrl, dbName)
  const u = new URL(adminUrl)
  u.pathname = `/${dbName}`
  process.env.DATABASE_URL = u.toString()
  await applyMigrations(process.env.DATABASE_URL)

  return async () => {
    if (external) {
      await recreateDatabase(adminUrl, dbName).catch(() => {})
      const { default: pgm } = await import('pg')
      const c = new pgm.Client({ connectionString: adminUrl })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
      await c.end()
    }
    await stop()
  }
}
