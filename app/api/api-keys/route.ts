// GET /api/api-keys — the merchant's API keys (never their secrets); POST — create one, its secret in this answer only
import { NextResponse } from 'next/server'
import { createMerchantApiKeySchema } from '@/lib/api-keys/api-key-schema'
import { createApiKey } from '@/lib/api-keys/create-api-key'
import { listApiKeys } from '@/lib/api-keys/list-api-keys'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle, parseJsonBody } from '@/lib/http'

export const GET = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'administer')
  return NextResponse.json({ keys: await listApiKeys({ merchantId: user.merchantId }) })
})

export const POST = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'administer')
  const body = await parseJsonBody(req, createMerchantApiKeySchema)
  const key = await createApiKey({ kind: 'MERCHANT', merchantId: user.merchantId, actor: user.actor, name: body.name, scopes: body.scopes })
  // no-store: the one answer that holds the secret must not sit in a cache.
  return NextResponse.json({ key }, { status: 201, headers: { 'cache-control': 'no-store' } })
})
