// GET /api/staff/warehouse-keys — the warehouse keys (never their secrets); POST — create one, its secret in this answer only (staff)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { apiKeyNameSchema } from '@/lib/api-keys/api-key-schema'
import { createApiKey } from '@/lib/api-keys/create-api-key'
import { handle, parseJsonBody } from '@/lib/http'
import { listWarehouseKeys } from '@/lib/staff/list-warehouse-keys'
import { requireApiStaff } from '@/lib/auth/require-api-user'

const CreateWarehouseKeyBodySchema = z.object({ name: apiKeyNameSchema })

export const GET = handle(async (req: Request) => {
  await requireApiStaff(req)
  return NextResponse.json({ keys: await listWarehouseKeys() })
})

export const POST = handle(async (req: Request) => {
  const { user } = await requireApiStaff(req)
  const { name } = await parseJsonBody(req, CreateWarehouseKeyBodySchema)
  const key = await createApiKey({ kind: 'WAREHOUSE', actor: user.actor, name })
  // no-store: the one answer that holds the secret must not sit in a cache.
  return NextResponse.json({ key }, { status: 201, headers: { 'cache-control': 'no-store' } })
})
