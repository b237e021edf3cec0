// Checks an email and password and, when they match, opens a session.
import 'server-only'
import { db } from '@/lib/db'
import { createSession } from '@/lib/auth/create-session'
import { dummyPasswordHash, verifyPassword } from '@/lib/auth/password'
import { normalizeEmail, type SignInInput } from '@/lib/auth/sign-in-schema'

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; user: { email: string; name: string; locale: string } }
  | { ok: false }

export async function signInWithPassword({ email, password }: SignInInput): Promise<SignInResult> {
  const user = await db.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, email: true, name: true, passwordHash: true, locale: true, merchant: { select: { locale: true } } },
  })
  // Verify even for an unknown email, so timing does not tell which emails have accounts.
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password)
  if (!user || !matches) return { ok: false }
  const { token, expiresAt } = await createSession({ userId: user.id })
  return { ok: true, token, expiresAt, user: { email: user.email, name: user.name, locale: user.locale ?? user.merchant.locale } }
}
