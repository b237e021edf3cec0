// GET /api/health — liveness and database reachability (public: load balancers and scripts/dev.ts)
import { NextResponse } from 'next/server'
import { isDatabaseReachable } from '@/lib/health/database-reachable'

export async function GET(): Promise<Response> {
  // 503, not 500: the process is fine, a dependency is not; say so without details.
  return (await isDatabaseReachable()) ? NextResponse.json({ ok: true }) : NextResponse.json({ ok: false }, { status: 503 })
}
