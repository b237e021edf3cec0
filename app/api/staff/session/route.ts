// DELETE /api/staff/session — close the merchant the staff session has open (back to the Merchants overview)
import { NextResponse } from 'next/server'
import { handle } from '@/lib/http'
import { closeMerchant } from '@/lib/staff/close-merchant'
import { requireApiStaff } from '@/lib/auth/require-api-user'

export const DELETE = handle(async (req: Request) => {
  const { sessionId, user } = await requireApiStaff(req)
  return NextResponse.json(await closeMerchant({ sessionId, actor: user.actor }))
})
