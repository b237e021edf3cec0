// Profile: what the signed-in person can change about themselves, and the zone they get when
// they choose none (their merchant's; staff: UTC).
import 'server-only'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'

export type Profile = {
  email: string
  name: string
  role: string
  merchantName: string | null
  locale: string | null
  timeZone: string | null
  defaultTimeZone: string
}

export async function getProfile({ userId }: { userId: string }): Promise<Profile> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, role: true, locale: true, timeZone: true, merchant: { select: { name: true, timeZone: true } } },
  })
  if (!user) throw new AppError('unauthorized')
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    merchantName: user.merchant?.name ?? null,
    locale: user.locale,
    timeZone: user.timeZone,
    defaultTimeZone: user.merchant?.timeZone ?? 'UTC',
  }
}
