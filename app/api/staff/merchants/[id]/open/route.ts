// POST /api/staff/merchants/[id]/open — a staff user opens the merchant's dashboard (read-only unless acting: true), audited for that merchant
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { AppError } from '@/lib/errors'
import { handle, parseJsonBody } from '@/lib/http'
import { openMerchant } from '@/lib/staff/open-merchant'
import { requireApiStaffSession } from '@/lib/staff/staff-session'

type Context = { params: Promise<{ id: string }> }

const OpenMerchantBodySchema = z.object({ acting: z.boolean({ error: 'Must be true or false' }).default(false) })

export const POST = handle(async (req: Request, { params }: Context) => {
  const { sessionId, user } = await requireApiStaffSession(req)
  const [{ id }, body] = await Promise.all([params, parseJsonBody(req, OpenMerchantBodySchema)])
  if (!z.uuid().safeParse(id).success) throw new AppError('not_found', { userMessage: 'No such merchant.' })
  return NextResponse.json({ opened: await openMerchant({ sessionId, actor: user.actor, merchantId: id, acting: body.acting }) })
})
