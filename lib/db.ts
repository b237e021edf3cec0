// Our one PostgreSQL pool of a process, and the one Prisma client on it. Prisma 7 talks to
// PostgreSQL through the pg driver adapter; the hot reads (lib/db/prepared.ts) and the rate limiters
// use the same pool directly, so our code holds one set of connections, not one per path. pg-boss
// keeps its own (4, lib/sync/queue.ts) and a worker one LISTEN client: DB_POOL_MAX + 4 (+ 1) in all.
import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { env } from '@/lib/env'
import { log } from '@/lib/log'

const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool }

/** The process's pool (created on first use, like the client). */
export function pgPool(): pg.Pool {
  if (!globalForDb.pgPool) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: env().DB_POOL_MAX, allowExitOnIdle: true })
    // allowExitOnIdle: a script that calls db.$disconnect() (which leaves a pool it was handed
    // open) still ends once its connections are idle.
    // An idle connection dropped by the server (a restart, a failover) must not end the process;
    // the pool replaces it on the next query.
    pool.on('error', (err) => log.warn({ message: err.message }, 'idle PostgreSQL connection lost'))
    globalForDb.pgPool = pool
  }
  return globalForDb.pgPool
}

function client(): PrismaClient {
  if (!globalForDb.prisma) {
    // Kept on globalThis: Next's dev server re-evaluates modules on every change; one pool across reloads.
    globalForDb.prisma = new PrismaClient({ adapter: new PrismaPg(pgPool()) })
  }
  return globalForDb.prisma
}

/**
 * Created on first use, not on import: `next build` imports every route module to analyse it,
 * and must not need a database or the runtime secrets to do so.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = client()
    const value = Reflect.get(c, prop, c)
    return typeof value === 'function' ? value.bind(c) : value
  },
})
