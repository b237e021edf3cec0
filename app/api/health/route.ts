// GET /api/health — liveness and database reachability (public: load balancers and scripts/dev.ts)
import { NextResponse } from 'next/server'
import { db } from '@/lib/db'
import { log } from '@/lib/log'

export async function GET(): Promise<Response> {
  try {
    await db.$queryRaw`SELECT 1`
    return NextResponse.json({ ok: true })
  } catch (err) {
    log.error({ err }, 'health check: database unreachable')
    // 503, not 500: the process is fine, a dependency is not; say so without details.
    return NextResponse.json({ ok: false }, { status: 503 })
  }
}
