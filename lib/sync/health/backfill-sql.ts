// The data-only migration that fills the banner's summary of an existing database
// (prisma/migrations/*_health_backfill/migration.sql): the rebuild over every merchant, in the
// migration's one transaction. backfill-sql.test.ts keeps the file equal to this text.
import { rebuildHealthStatements } from './rebuild-health-sql'

export function backfillMigrationSql(): string {
  const header = [
    '-- Fills MerchantHealth and SyncFailureGroup from SyncAttempt and SyncIssue for every merchant:',
    '-- lib/sync/health/rebuild-health-sql.ts, as `npm run health:rebuild` runs it (generated; keep equal).',
  ]
  return `${header.join('\n')}\n${rebuildHealthStatements(`IN (SELECT id FROM "Merchant")`).map((s) => `${s.trim()};\n`).join('\n')}`
}
