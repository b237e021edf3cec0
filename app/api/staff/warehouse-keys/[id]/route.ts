// DELETE /api/staff/warehouse-keys/[id] — revoke a warehouse key (the WMS holding it gets 401 from then on) (staff)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { revokeWarehouseKey } from '@/lib/api-keys/revoke-warehouse-key'
import { AppError } from '@/lib/errors'
import { handle } from '@/lib/http'
import { requireApiStaff } from '@/lib/auth/require-api-user'

type Context = { params: Promise<{ id: string }> }

export const DELETE = handle(async (req: Request, { params }: Context) => {
  const { user } = await requireApiStaff(req)
  const { id } = await params
  if (!z.uuid().safeParse(id).success) throw new AppError('not_found', { userMessage: 'No such warehouse key.' })
  return NextResponse.json({ key: await revokeWarehouseKey({ id, actor: user.actor }) })
})
