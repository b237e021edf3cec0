// GET /api/me — the signed-in person's profile; PATCH — their language and time zone (saved on the user, cookies set)
import { NextResponse } from 'next/server'
import { requireApiSession } from '@/lib/auth/require-api-user'
import { handle, parseJsonBody } from '@/lib/http'
import { LOCALE_COOKIE, localeCookieOptions } from '@/lib/i18n/locales'
import { TIME_ZONE_COOKIE, timeZoneCookieOptions } from '@/lib/i18n/time-zone'
import { getProfile } from '@/lib/users/get-profile'
import { updatePreferences } from '@/lib/users/update-preferences'
import { UpdatePreferencesSchema } from '@/lib/users/user-schemas'

export const GET = handle(async (req: Request) => {
  const { user } = await requireApiSession(req)
  return NextResponse.json({ profile: await getProfile({ userId: user.userId }) })
})

export const PATCH = handle(async (req: Request) => {
  const { user } = await requireApiSession(req)
  const body = await parseJsonBody(req, UpdatePreferencesSchema)
  const saved = await updatePreferences({ user, ...body })
  const res = NextResponse.json({ preferences: saved })
  if (saved.locale === 'en' || saved.locale === 'fr') res.cookies.set(LOCALE_COOKIE, saved.locale, localeCookieOptions())
  res.cookies.set(TIME_ZONE_COOKIE, saved.effectiveTimeZone, timeZoneCookieOptions())
  return res
})
