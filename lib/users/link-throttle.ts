// One-time links are 256-bit random, so guessing one is hopeless; the throttle still caps how
// fast one address can try (the sign-in limits, counted per link and per address: a flood of junk
// against one link cannot lock its owner out from elsewhere).
import 'server-only'
import { throttleKeyOf } from '@/lib/auth/client-address'
import { signInThrottle, type SignInThrottle } from '@/lib/auth/sign-in-throttle'
import { AppError } from '@/lib/errors'
import { hashOneTimeToken } from './one-time-token'

export async function throttleLinkAttempt(token: string, address: string | null, throttle: SignInThrottle = signInThrottle()) {
  const who = { email: `one-time-link:${hashOneTimeToken(String(token))}`, address: throttleKeyOf(address) }
  const verdict = await throttle.attempt(who)
  if (!verdict.allowed) {
    throw new AppError('rate_limited', { message: 'one-time link throttled', userMessage: 'Too many attempts. Try again later.', details: { retryAfterSeconds: verdict.retryAfterSeconds } })
  }
  return { succeeded: () => throttle.succeeded(who) }
}
