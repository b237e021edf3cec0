// The staff routes' guard: the fulfilment company's staff only, with the session itself (its id
// is what open / act / close change). A merchant's user gets 403 whatever their role.
import 'server-only'
import type { ActiveSession } from '@/lib/auth/get-session-from-token'
import { requireApiSession } from '@/lib/auth/require-api-user'
import { AppError } from '@/lib/errors'

export async function requireApiStaffSession(req: Request): Promise<ActiveSession> {
  const session = await requireApiSession(req)
  if (session.user.userRole !== 'STAFF') throw new AppError('forbidden', { userMessage: 'Only the fulfilment company’s staff can do this.' })
  return session
}
