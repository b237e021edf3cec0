// Fails when prisma/schema.prisma was edited without a migration. Prisma's diff replays the
// committed migrations into a shadow database, so it needs a PostgreSQL: DATABASE_URL's, or a
// throwaway embedded one.
import { spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { startEmbeddedPostgres } from './lib/embedded-pg'
import { recreateDatabase } from './lib/migrate-sql'

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

let url = process.env.DATABASE_URL
let stop = async () => {}
if (!url) {
  const pg = await startEmbeddedPostgres({ cluster: 'drift-pg', port: await freePort(), persistent: false })
  await recreateDatabase(pg.url('postgres'), 'drift')
  url = pg.url('drift')
  stop = pg.stop
}

const r = spawnSync(
  process.execPath,
  ['scripts/prisma.mjs', 'migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--exit-code'],
  { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } },
)
await stop()
if (r.status === 2) console.error('Schema drift: prisma/schema.prisma differs from prisma/migrations. Run `npm run prisma -- migrate dev --name <change>`.')
process.exit(r.status ?? 1)
