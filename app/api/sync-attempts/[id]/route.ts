// GET /api/sync-attempts/[id] — one call we made to Back Market, with Back Market's answer as received
import { NextResponse } from 'next/server'
import { z } from 'zod'
import type { SyncAttemptRawView } from '@/components/sync/api/get-sync-attempt'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { db } from '@/lib/db'
import { AppError, fromZodError } from '@/lib/errors'
import { handle } from '@/lib/http'

type Context = { params: Promise<{ id: string }> }
const ParamsSchema = z.object({ id: z.uuid('Expected a sync attempt id (UUID)') })

export const GET = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req)
  const parsed = ParamsSchema.safeParse(await params)
  if (!parsed.success) throw fromZodError(parsed.error, 'params')
  const a = await db.syncAttempt.findFirst({ where: { id: parsed.data.id, merchantId: user.merchantId } })
  if (!a) throw new AppError('not_found', { userMessage: 'Sync attempt not found' })
  const attempt: SyncAttemptRawView = {
    id: a.id,
    at: a.createdAt.toISOString(),
    method: a.method,
    path: a.path,
    requestSummary: a.requestSummary,
    httpStatus: a.httpStatus,
    outcome: a.outcome,
    errorKind: a.errorKind,
    message: a.message,
    bmError: a.bmError,
  }
  return NextResponse.json({ attempt })
})
