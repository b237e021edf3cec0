// POST /api/backmarket-connection/test — test a Back Market token (the one sent, or the saved one) with our client: token, User-Agent, orders, listings
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle, parseJsonBody } from '@/lib/http'
import { TestConnectionBodySchema } from '@/lib/sync/connection/connection-input'
import { testConnection } from '@/lib/sync/connection/test-connection'

export const POST = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'administer')
  const body = await parseJsonBody(req, TestConnectionBodySchema)
  const test = await testConnection({ merchantId: user.merchantId, token: body.token, markets: body.markets, actor: user.actor })
  return NextResponse.json({ test }, { headers: { 'cache-control': 'no-store' } })
})
