// Checks an email and password and, when they match, opens a new session in place of the one
// the browser presented (no session fixation). Every attempt first passes the shared throttle.
import 'server-only'
import { setTimeout as sleepFor } from 'node:timers/promises'
import { db } from '@/lib/db'
import { throttleKeyOf } from '@/lib/auth/client-address'
import { createSession } from '@/lib/auth/create-session'
import { dummyPasswordHash, verifyPassword } from '@/lib/auth/password'
import { normalizeEmail, type SignInInput } from '@/lib/auth/sign-in-schema'
import { signInThrottle, type SignInThrottle } from '@/lib/auth/sign-in-throttle'

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; user: { email: string; name: string; locale: string; timeZone: string; isStaff: boolean } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

export type SignInRequest = SignInInput & {
  /** Where the attempt comes from, exactly (lib/auth/client-address.ts: requestExactAddress); null when it cannot be known. */
  clientAddress: string | null
  /** The session cookie the browser sent, if any: it is ended when the new one opens. */
  previousToken?: string | null
  /** The browser's User-Agent, shown in the person's list of sessions. */
  userAgent?: string | null
}

export async function signInWithPassword(
  { email, password, clientAddress, previousToken, userAgent }: SignInRequest,
  { throttle = signInThrottle(), sleep = (ms: number) => sleepFor(ms) }: { throttle?: SignInThrottle; sleep?: (ms: number) => Promise<unknown> } = {},
): Promise<SignInResult> {
  // Throttled by the address's key (an IPv6 /64); the session shows the exact address.
  const who = { email: normalizeEmail(email), address: throttleKeyOf(clientAddress) }
  // Counted before the password is checked, so a burst of parallel guesses cannot slip past it.
  const verdict = await throttle.attempt(who)
  if (!verdict.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds }
  if (verdict.delayMs > 0) await sleep(verdict.delayMs)

  const user = await db.user.findUnique({
    where: { email: who.email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, locale: true, timeZone: true, deactivatedAt: true, merchant: { select: { locale: true, timeZone: true } } },
  })
  // Verify even for an unknown email, so timing does not tell which emails have accounts.
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password)
  // A removed user, or one who never accepted their invitation (no password), is refused like a
  // wrong password: the answer does not tell which accounts exist.
  if (!user || !matches || user.deactivatedAt) return { ok: false, reason: 'invalid' }
  await throttle.succeeded(who)
  const { token, expiresAt } = await createSession({ userId: user.id, replacing: previousToken, origin: { ipAddress: clientAddress, userAgent: userAgent ?? null } })
  return { ok: true, token, expiresAt, user: { email: user.email, name: user.name, locale: user.locale ?? user.merchant?.locale ?? 'en', timeZone: user.timeZone ?? user.merchant?.timeZone ?? 'UTC', isStaff: user.role === 'STAFF' } }
}
