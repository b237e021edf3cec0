// Sends one email through the SMTP server SMTP_URL names (nodemailer), or reports that email is
// not set up. Plain text only: every email we send is a short note with one link.
import 'server-only'
import nodemailer from 'nodemailer'
import { mailEnv } from '@/lib/env'
import { log } from '@/lib/log'

export type OutgoingMail = { to: string; subject: string; text: string }

/**
 * `{ sent: false, reason: 'not_configured' }` when SMTP_URL is unset; `'failed'` when the server
 * refused or could not be reached (logged; the caller still has the link to show). Never throws:
 * the change that asked for the mail has committed already.
 */
export async function sendMail(mail: OutgoingMail): Promise<{ sent: true } | { sent: false; reason: 'not_configured' | 'failed' }> {
  const { SMTP_URL, MAIL_FROM } = mailEnv()
  if (!SMTP_URL) return { sent: false, reason: 'not_configured' }
  try {
    // One transport per mail: invitations are rare, and a pooled connection would outlive tests.
    const transport = nodemailer.createTransport(SMTP_URL)
    await transport.sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text })
    transport.close()
    return { sent: true }
  } catch (err) {
    // The subject is logged, never the text: it holds the one-time link.
    log.warn({ err, subject: mail.subject }, 'email could not be sent')
    return { sent: false, reason: 'failed' }
  }
}
