// POST /api/staff/session/acting — start ({ acting: true }) or stop acting as support on the merchant the staff session has open, audited for that merchant
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { handle, parseJsonBody } from '@/lib/http'
import { setStaffActing } from '@/lib/staff/set-staff-acting'
import { requireApiStaff } from '@/lib/auth/require-api-user'

const ActingBodySchema = z.object({ acting: z.boolean({ error: 'Must be true or false' }) })

export const POST = handle(async (req: Request) => {
  const { sessionId, user } = await requireApiStaff(req)
  const { acting } = await parseJsonBody(req, ActingBodySchema)
  return NextResponse.json(await setStaffActing({ sessionId, actor: user.actor, acting }))
})
