// What the sign-in form and POST /api/auth/login accept: one schema for both. zod/mini: the
// sign-in form ships it to the browser.
import * as z from 'zod/mini'

/** Emails are stored lower-cased and trimmed; compare them the same way. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

export const SignInSchema = z.object({
  email: z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email({ error: 'Enter a valid email address' })),
  // The upper bound keeps a multi-megabyte "password" from tying up the hasher.
  password: z.string().check(z.minLength(1, { error: 'Enter your password' }), z.maxLength(1024, { error: 'Password is too long' })),
})

export type SignInInput = z.infer<typeof SignInSchema>

/** Deliberately the same whether the email is unknown or the password wrong. */
export const INVALID_CREDENTIALS_MESSAGE = 'Email or password is incorrect.'

/** The throttle's refusal (lib/auth/sign-in-throttle.ts); the wait is given beside it in minutes. */
export const TOO_MANY_ATTEMPTS_MESSAGE = 'Too many sign-in attempts. Try again later.'

export function retryAfterMinutes(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60))
}

export type SignInFormState = {
  email?: string
  fieldErrors?: Partial<Record<keyof SignInInput, string[]>>
  formError?: string
  /** With TOO_MANY_ATTEMPTS_MESSAGE: how long to wait. */
  retryAfterMinutes?: number
}
