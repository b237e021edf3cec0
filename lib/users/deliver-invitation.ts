// Emails an invitation link, after the invitation has committed. Without SMTP the admin copies
// the link shown once, so "not emailed" is an answer, not an error.
import 'server-only'
import { sendMail } from '@/lib/mail/send-mail'
import { oneTimeMailTexts } from './one-time-mail-texts'

/** `locale` and `timeZone`: the recipient's (theirs, else their merchant's; see mailPreferences). */
export type InvitationMail = { to: string; name: string; merchantName: string; url: string; expiresAt: Date; locale?: string | null; timeZone?: string | null }

export async function deliverInvitation({ to, ...texts }: InvitationMail): Promise<{ emailed: boolean }> {
  const mail = await oneTimeMailTexts('invitation', texts)
  const result = await sendMail({ to, ...mail })
  return { emailed: result.sent }
}
