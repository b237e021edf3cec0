// Where to send a user after sign-in. Only same-site paths: `?next=https://evil.example` or
// `//evil.example` must not turn the login page into an open redirect.
export const DEFAULT_AFTER_SIGN_IN = '/orders'

export function safeRedirectPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return DEFAULT_AFTER_SIGN_IN
  if (next.startsWith('//') || next.startsWith('/\\') || /[\u0000-\u001f]/.test(next)) return DEFAULT_AFTER_SIGN_IN
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/api/')) return DEFAULT_AFTER_SIGN_IN
  return next
}
