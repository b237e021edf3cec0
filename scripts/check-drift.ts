// Fails when prisma/schema.prisma was edited without a migration. Prisma's diff replays the
// committed migrations into a shadow database, so it needs a PostgreSQL: DATABASE_URL's, or a
// throwaway embedded one.
import { spawnSync } from 'node:child_process'
import { recreateDatabase } from './lib/migrate-sql'
import { databaseUrl, startPostgresServer } from './lib/postgres-server'

let url = process.env.DATABASE_URL
let stop = async () => {}
if (!url) {
  const pg = await startPostgresServer({ external: undefined, cluster: 'drift-pg' })
  await recreateDatabase(pg.adminUrl, 'drift')
  url = databaseUrl(pg.adminUrl, 'drift')
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
