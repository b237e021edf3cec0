// GET /api/backmarket-connection — the Back Market connection (token ending, markets, refusal) and the import's health; PUT — test a token, then save it (connect or rotate); PATCH — change the markets; DELETE — disconnect (data kept)
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { AppError } from '@/lib/errors'
import { handle, parseJsonBody } from '@/lib/http'
import { SaveConnectionBodySchema, UpdateMarketsBodySchema } from '@/lib/sync/connection/connection-input'
import { getConnectionStatus } from '@/lib/sync/connection/connection-status'
import { disconnectBackMarket } from '@/lib/sync/connection/disconnect'
import { saveConnection } from '@/lib/sync/connection/save-connection'
import { updateMarkets } from '@/lib/sync/connection/update-markets'

const NO_STORE = { 'cache-control': 'no-store' }

export const GET = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'administer')
  return NextResponse.json({ status: await getConnectionStatus({ merchantId: user.merchantId }) }, { headers: NO_STORE })
})

export const PUT = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'administer')
  const body = await parseJsonBody(req, SaveConnectionBodySchema)
  const result = await saveConnection({ merchantId: user.merchantId, token: body.token, markets: body.markets, actor: user.actor })
  if (!result.saved) {
    throw new AppError('unprocessable', {
      userMessage: 'Back Market did not pass the connection test with this token: nothing was saved, the connection stays as it was.',
      fields: { token: ['did not pass the connection test'] },
      details: { test: result.test },
    })
  }
  return NextResponse.json({ test: result.test, status: await getConnectionStatus({ merchantId: user.merchantId }) }, { headers: NO_STORE })
})

export const PATCH = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'administer')
  const body = await parseJsonBody(req, UpdateMarketsBodySchema)
  await updateMarkets({ merchantId: user.merchantId, markets: body.markets, actor: user.actor })
  return NextResponse.json({ status: await getConnectionStatus({ merchantId: user.merchantId }) }, { headers: NO_STORE })
})

export const DELETE = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'administer')
  await disconnectBackMarket({ merchantId: user.merchantId, actor: user.actor })
  return NextResponse.json({ status: await getConnectionStatus({ merchantId: user.merchantId }) }, { headers: NO_STORE })
})
