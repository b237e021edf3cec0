// A local SMTP server a test starts (smtp-server, on a free loopback port) and reads the mail it
// received from, with SMTP_URL pointing at it for the test's duration. The network is the only
// mocked boundary: the app's real nodemailer transport talks real SMTP to it.
import { type AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { onTestFinished } from 'vitest'

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string }

export async function startTestSmtp(): Promise<{ url: string; mails: ReceivedMail[]; nextMail: () => Promise<ReceivedMail> }> {
  const mails: ReceivedMail[] = []
  const waiters: Array<(m: ReceivedMail) => void> = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        void parse(raw).then((parsed) => {
          const mail = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), ...parsed }
          mails.push(mail)
          waiters.shift()?.(mail)
          callback()
        }, callback)
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  const url = `smtp://127.0.0.1:${port}`
  const previous = process.env.SMTP_URL
  process.env.SMTP_URL = url
  onTestFinished(async () => {
    if (previous === undefined) delete process.env.SMTP_URL
    else process.env.SMTP_URL = previous
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })
  let read = 0
  const nextMail = () => {
    const ready = mails[read]
    if (ready) {
      read += 1
      return Promise.resolve(ready)
    }
    return new Promise<ReceivedMail>((resolve) => waiters.push((m) => ((read += 1), resolve(m))))
  }
  return { url, mails, nextMail }
}

// Enough MIME for the plain-text, single-part mails we send (no mail parser among our dependencies):
// folded headers, RFC 2047 encoded words in the subject, a quoted-printable or base64 body.
async function parse(raw: string): Promise<{ subject: string; text: string }> {
  const split = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const body = raw.slice(split + 4)
  const header = (name: string) => head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? ''
  const subject = header('subject').replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  )
  const encoding = header('content-transfer-encoding').toLowerCase()
  const text =
    encoding === 'quoted-printable' ? decodeQuotedPrintable(body.replace(/=\r\n/g, '')) : encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body
  return { subject, text: text.replace(/\r\n/g, '\n').trimEnd() }
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = []
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'))
  }
  return Buffer.from(bytes).toString('utf8')
}
