// Emails a password-reset link, after it has committed; without SMTP the admin hands the link over.
import 'server-only'
import { sendMail } from '@/lib/mail/send-mail'
import { oneTimeMailTexts } from './one-time-mail-texts'
import type { InvitationMail } from './deliver-invitation'

export async function deliverPasswordReset({ to, ...texts }: InvitationMail): Promise<{ emailed: boolean }> {
  const mail = await oneTimeMailTexts('passwordReset', texts)
  return { emailed: (await sendMail({ to, ...mail })).sent }
}
