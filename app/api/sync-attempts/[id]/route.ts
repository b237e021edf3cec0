// GET /api/sync-attempts/[id] — one call we made to Back Market, with Back Market's answer as received
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { fromZodError } from '@/lib/errors'
import { handle } from '@/lib/http'
import { getSyncAttemptOrThrow } from '@/lib/sync/get-sync-attempt'

type Context = { params: Promise<{ id: string }> }
const ParamsSchema = z.object({ id: z.uuid('Expected a sync attempt id (UUID)') })

export const GET = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req, 'read')
  const parsed = ParamsSchema.safeParse(await params)
  if (!parsed.success) throw fromZodError(parsed.error, 'params')
  const attempt = await getSyncAttemptOrThrow({ merchantId: user.merchantId, attemptId: parsed.data.id })
  return NextResponse.json({ attempt })
})
