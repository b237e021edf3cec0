// GET /api/syncs/[id] — where a sync is: queued, sent, accepted by Back Market, verified, or failed and why
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { AppError } from '@/lib/errors'
import { handle } from '@/lib/http'
import { getSyncStatusOrThrow } from '@/lib/sync/get-sync-status'

type Context = { params: Promise<{ id: string }> }

export const GET = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req, 'read')
  const { id } = await params
  if (!z.uuid().safeParse(id).success) throw new AppError('not_found', { userMessage: 'Sync not found' })
  return NextResponse.json({ sync: await getSyncStatusOrThrow({ merchantId: user.merchantId, id }) })
})
