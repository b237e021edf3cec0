// GET /api/sku-mappings — the merchant's SKU mappings; POST — map our SKU to Back Market's (409 with the guard's warnings until confirmed) and re-sync what it fixes
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle, parseJsonBody } from '@/lib/http'
import { listSkuMappings } from '@/lib/sku-mapping/list-sku-mappings'
import { saveSkuMapping } from '@/lib/sku-mapping/save-sku-mapping'
import { SaveSkuMappingBodySchema } from '@/lib/sku-mapping/sku-mapping-input'

export const GET = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'read')
  return NextResponse.json({ mappings: await listSkuMappings({ merchantId: user.merchantId }) })
})

export const POST = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'operate')
  const body = await parseJsonBody(req, SaveSkuMappingBodySchema)
  const { mapping, created, impact, syncs } = await saveSkuMapping({ merchantId: user.merchantId, actor: user.actor, ...body, confirm: body.confirm ?? false })
  return NextResponse.json({ mapping, created, impact, syncs }, { status: 201, headers: { Location: `/api/sku-mappings/${mapping.id}` } })
})
