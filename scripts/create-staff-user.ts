// `npm run users:staff -- --email sam@support.example --name "Sam Support"`: creates a user of the
// fulfilment company's support team (STAFF: no merchant; they open merchants from /staff). Prints a
// generated password once, or takes one from stdin with --password-stdin (`… --password-stdin <
// file`, so it never sits in the shell's history). Only its argon2id hash is stored.
import { randomBytes } from 'node:crypto'
import { text } from 'node:stream/consumers'
import { parseArgs } from 'node:util'
import { createUser } from '@/lib/auth/create-user'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'

const USAGE = 'usage: npm run users:staff -- --email <email> --name "<name>" [--password-stdin]'

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } } })
  if (values.email === undefined || values.name === undefined) throw new AppError('bad_request', { userMessage: USAGE })
  const fromStdin = values['password-stdin'] === true
  // 18 random bytes: 24 characters of base64url, far above the 8-character floor.
  const password = fromStdin ? (await text(process.stdin)).replace(/\r?\n$/, '') : randomBytes(18).toString('base64url')
  const user = await createUser({ merchantId: null, role: 'STAFF', email: values.email, name: values.name, password })
  console.log(`Staff user ${user.name} <${user.email}> created (id ${user.id}). They sign in at /login and land on /staff.`)
  if (!fromStdin) {
    console.log('Their password, shown only this once (we keep its argon2id hash):')
    console.log('')
    console.log(`  ${password}`)
  }
}

try {
  await main()
} catch (err) {
  const message = err instanceof AppError ? [err.userMessage, ...Object.entries(err.fields ?? {}).map(([f, m]) => `${f}: ${m.join(', ')}`)].join('\n') : (err as Error).message
  console.error(`users:staff failed: ${message}`)
  process.exitCode = 1
} finally {
  await db.$disconnect()
}
