// After a one-time link has committed: email it, and say what the admin's answer may hold. A link
// that reached the recipient's mailbox is NOT shown to the admin (they have no need of it, and
// holding someone else's reset link is holding their account); only when email is off or failed
// does the admin get it to hand over. A link that must be emailed (another admin's reset) and
// could not be is withdrawn and refused.
import 'server-only'
import { db } from '@/lib/db'
import { deliverInvitation } from './deliver-invitation'
import { deliverPasswordReset } from './deliver-password-reset'
import { adminResetRefused } from './issue-password-reset'
import { oneTimeLinkUrl } from './one-time-link'
import { hashOneTimeToken, type OneTimeKind } from './one-time-token'

export type HandedOverLink = { link: { url?: string; expiresAt: string }; emailed: boolean }

export async function handOverLink({
  kind, origin, token, expiresAt, to, name, merchantName, mail, mustEmail = false,
}: {
  kind: OneTimeKind
  origin: string
  token: string
  expiresAt: Date
  to: string
  name: string
  merchantName: string
  mail: { locale: string | null; timeZone: string }
  mustEmail?: boolean
}): Promise<HandedOverLink> {
  const url = oneTimeLinkUrl(origin, kind, token)
  const deliver = kind === 'INVITATION' ? deliverInvitation : deliverPasswordReset
  const { emailed } = await deliver({ to, name, merchantName, url, expiresAt, ...mail })
  if (!emailed && mustEmail) {
    await db.userToken.deleteMany({ where: { id: hashOneTimeToken(token), usedAt: null } })
    throw adminResetRefused('The email could not be sent: try again later.')
  }
  return emailed ? { link: { expiresAt: expiresAt.toISOString() }, emailed } : { link: { url, expiresAt: expiresAt.toISOString() }, emailed }
}
