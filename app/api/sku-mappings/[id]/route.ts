// DELETE /api/sku-mappings/[id] — remove a SKU mapping: our SKU is sent unchanged again
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { AppError } from '@/lib/errors'
import { handle } from '@/lib/http'
import { deleteSkuMapping } from '@/lib/sku-mapping/delete-sku-mapping'

type Context = { params: Promise<{ id: string }> }

export const DELETE = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req, 'operate')
  const { id } = await params
  if (!z.uuid().safeParse(id).success) throw new AppError('not_found', { userMessage: 'SKU mapping not found' })
  return NextResponse.json({ mapping: await deleteSkuMapping({ merchantId: user.merchantId, id, actor: user.actor }) })
})
