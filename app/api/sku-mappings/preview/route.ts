// POST /api/sku-mappings/preview — the guard: what mapping our SKU to Back Market's would fix, break or collide with; saves nothing
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { handle, parseJsonBody } from '@/lib/http'
import { getSkuMappingImpact } from '@/lib/sku-mapping/sku-mapping-impact'
import { SkuMappingInputSchema } from '@/lib/sku-mapping/sku-mapping-input'

export const POST = handle(async (req: Request) => {
  const user = await requireApiUser(req, 'operate')
  const body = await parseJsonBody(req, SkuMappingInputSchema)
  return NextResponse.json({ impact: await getSkuMappingImpact({ merchantId: user.merchantId, ...body }) })
})
