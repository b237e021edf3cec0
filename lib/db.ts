// The one Prisma client of a process. Prisma 7 talks to PostgreSQL through the pg driver adapter.
import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { env } from '@/lib/env'

const globalForDb = globalThis as unknown as { prisma?: PrismaClient }

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) })
  return new PrismaClient({ adapter })
}

// Next's dev server re-evaluates modules on every change; keep one pool across reloads.
export const db: PrismaClient = globalForDb.prisma ?? createClient()
if (process.env.NODE_ENV !== 'production') globalForDb.prisma = db
