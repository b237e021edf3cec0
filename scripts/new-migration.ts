// `npm run db:new-migration -- <name>`: writes the SQL migration for the current schema.prisma
// against a throwaway PostgreSQL (the committed migrations applied first), so no dev database
// needs to be running and none is touched.
import { spawnSync } from 'node:child_process'
import { startEmbeddedPostgres } from './lib/embedded-pg'
import { PostgresStartError } from './lib/pg-failure'
import { recreateDatabase } from './lib/migrate-sql'

const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:new-migration -- <snake_case_name>')
  process.exit(2)
}
const pg = await startEmbeddedPostgres({
  cluster: 'migration-pg',
  port: 54399,
  persistent: false,
  portAdvice: 'wait for the other `npm run db:new-migration` to finish, then retry',
}).catch((err: unknown) => {
  if (!(err instanceof PostgresStartError)) throw err
  console.error(err.message)
  process.exit(1)
})
await recreateDatabase(pg.url('postgres'), 'new_migration')
const env = { ...process.env, DATABASE_URL: pg.url('new_migration') }
const prisma = (args: string[]) => spawnSync(process.execPath, ['scripts/prisma.mjs', ...args], { stdio: 'inherit', env }).status
const status = prisma(['migrate', 'deploy']) || prisma(['migrate', 'dev', '--name', name, '--create-only'])
await pg.stop()
process.exit(status ?? 1)
