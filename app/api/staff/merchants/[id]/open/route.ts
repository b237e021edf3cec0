// POST /api/staff/merchants/[id]/open — a staff user opens the merchant's dashboard, always read-only (acting is POST /api/staff/session/acting), audited for that merchant
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { AppError } from '@/lib/errors'
import { handle, parseJsonBody } from '@/lib/http'
import { openMerchant } from '@/lib/staff/open-merchant'
import { requireApiStaff } from '@/lib/auth/require-api-user'

type Context = { params: Promise<{ id: string }> }

// Strict: acting cannot be asked for here (it would skip the acting step's own audit row). The
// staff page still sends `acting: false`, the only value accepted.
const OpenMerchantBodySchema = z.object({ acting: z.literal(false, { error: 'Opens read-only: act through /api/staff/session/acting' }).optional() }).strict()

export const POST = handle(async (req: Request, { params }: Context) => {
  const { sessionId, user } = await requireApiStaff(req)
  const [{ id }] = await Promise.all([params, parseJsonBody(req, OpenMerchantBodySchema)])
  if (!z.uuid().safeParse(id).success) throw new AppError('not_found', { userMessage: 'No such merchant.' })
  return NextResponse.json({ opened: await openMerchant({ sessionId, actor: user.actor, merchantId: id }) })
})
