// A person changes their language or time zone (null = follow the merchant's zone). Saved on the
// user, so it follows them to other browsers; the route also sets the cookies every request reads.
import 'server-only'
import type { SessionUser } from '@/lib/auth/signed-in-user'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import type { Locale } from '@/lib/i18n/locales'

export async function updatePreferences({ user, locale, timeZone }: { user: SessionUser; locale?: Locale; timeZone?: string | null }) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.userId }, select: { locale: true, timeZone: true, merchant: { select: { timeZone: true } } } })
    const after = { locale: locale === undefined ? before.locale : locale, timeZone: timeZone === undefined ? before.timeZone : timeZone }
    const effectiveTimeZone = after.timeZone ?? before.merchant?.timeZone ?? 'UTC'
    if (after.locale === before.locale && after.timeZone === before.timeZone) return { ...after, effectiveTimeZone, changed: false }
    await tx.user.update({ where: { id: user.userId }, data: after })
    await recordAudit(tx, {
      actor: user.actor,
      merchantId: user.userRole === 'STAFF' ? null : user.merchantId,
      action: 'user.preferences_updated',
      subject: { type: 'user', id: user.userId },
      before: { locale: before.locale, timeZone: before.timeZone },
      after,
    })
    return { ...after, effectiveTimeZone, changed: true }
  })
}
