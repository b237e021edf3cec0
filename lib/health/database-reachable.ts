// Whether the database answers, for GET /api/health (load balancers, scripts/dev.ts). Not in lib/db:
// that folder is the database client, which the lint rules keep from routes; this is the one
// query a route needs to make about the database itself.
import 'server-only'
import { db } from '@/lib/db'
import { log } from '@/lib/log'

export async function isDatabaseReachable(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`
    return true
  } catch (err) {
    log.error({ err }, 'health check: database unreachable')
    return false
  }
}
