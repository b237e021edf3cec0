// DELETE /api/api-keys/[id] — revoke one of the merchant's API keys (401 on /api/v1 from then on)
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { AppError } from '@/lib/errors'
import { handle } from '@/lib/http'

type Context = { params: Promise<{ id: string }> }

export const DELETE = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req, 'administer')
  const { id } = await params
  if (!z.uuid().safeParse(id).success) throw new AppError('not_found', { userMessage: 'No such API key.' })
  return NextResponse.json({ key: await revokeApiKey({ merchantId: user.merchantId, id, actor: user.actor }) })
})
