// The one Prisma client of a process. Prisma 7 talks to PostgreSQL through the pg driver adapter.
import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { env } from '@/lib/env'

const globalForDb = globalThis as unknown as { prisma?: PrismaClient }

function client(): PrismaClient {
  if (!globalForDb.prisma) {
    const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: env().DB_POOL_MAX })
    // Kept on globalThis: Next's dev server re-evaluates modules on every change; one pool across reloads.
    globalForDb.prisma = new PrismaClient({ adapter })
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
