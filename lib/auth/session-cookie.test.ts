import { expect, test } from 'vitest'
import {
  clearedSessionCookieOptions,
  readCookie,
  sessionCookieName,
  sessionCookieOptions,
  sessionEndsAt,
  SESSION_COOKIE_NAME,
} from '@/lib/auth/session-cookie'

const DAY = 24 * 60 * 60 * 1000

test('production uses a __Host- cookie, Secure; development and tests plain bm_session over HTTP', () => {
  expect(sessionCookieName(true)).toBe('__Host-bm_session')
  expect(sessionCookieOptions(true)).toMatchObject({ secure: true, path: '/' })
  expect(sessionCookieOptions(true)).not.toHaveProperty('domain')
  expect(sessionCookieName(false)).toBe('bm_session')
  expect(sessionCookieOptions(false).secure).toBe(false)
  expect(SESSION_COOKIE_NAME).toBe('bm_session')
})

test('the cookie is HttpOnly, SameSite=Lax, Path=/ and lives the idle lifetime, 7 days', () => {
  expect(sessionCookieOptions(false)).toEqual({ httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 7 * 24 * 60 * 60 })
})

test('clearing keeps the same path and flags with a zero lifetime', () => {
  expect(clearedSessionCookieOptions(true)).toEqual({ ...sessionCookieOptions(true), maxAge: 0 })
})

test('a session ends at its absolute end or 7 days after its last use, whichever comes first', () => {
  const signIn = new Date('2026-11-01T00:00:00Z')
  const expiresAt = new Date(signIn.getTime() + 30 * DAY)
  expect(sessionEndsAt({ expiresAt, lastSeenAt: signIn })).toEqual(new Date(signIn.getTime() + 7 * DAY))
  expect(sessionEndsAt({ expiresAt, lastSeenAt: new Date(signIn.getTime() + 25 * DAY) })).toEqual(expiresAt)
})

test('reads one cookie out of a Cookie header', () => {
  expect(readCookie('a=1; bm_session=abc_DEF-123; b=2', 'bm_session')).toBe('abc_DEF-123')
  expect(readCookie('bm_session_old=x; bm_session=y', 'bm_session')).toBe('y')
  expect(readCookie('a=%20b', 'a')).toBe(' b')
  expect(readCookie('a=1', 'bm_session')).toBeNull()
  expect(readCookie(null, 'bm_session')).toBeNull()
  expect(readCookie('', 'bm_session')).toBeNull()
})
