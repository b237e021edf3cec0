import { expect, test } from 'vitest'
import {
  clearedSessionCookieOptions,
  readCookie,
  sessionCookieOptions,
  shouldRenewSession,
  SESSION_COOKIE_NAME,
} from '@/lib/auth/session-cookie'

const DAY = 24 * 60 * 60 * 1000

test('the cookie is bm_session, HttpOnly, SameSite=Lax, Path=/ and lives 30 days', () => {
  expect(SESSION_COOKIE_NAME).toBe('bm_session')
  expect(sessionCookieOptions(false)).toEqual({ httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 30 * 24 * 60 * 60 })
})

test('the cookie is Secure in production only', () => {
  expect(sessionCookieOptions(true).secure).toBe(true)
  expect(sessionCookieOptions(false).secure).toBe(false)
})

test('clearing keeps the same path and flags with a zero lifetime', () => {
  expect(clearedSessionCookieOptions(true)).toEqual({ ...sessionCookieOptions(true), maxAge: 0 })
})

test('renews when less than 15 days are left', () => {
  const now = new Date('2026-11-26T12:00:00Z')
  expect(shouldRenewSession(new Date(now.getTime() + 14 * DAY), now)).toBe(true)
  expect(shouldRenewSession(new Date(now.getTime() + 16 * DAY), now)).toBe(false)
  expect(shouldRenewSession(new Date(now.getTime() + 30 * DAY), now)).toBe(false)
})

test('reads one cookie out of a Cookie header', () => {
  expect(readCookie('a=1; bm_session=abc_DEF-123; b=2', 'bm_session')).toBe('abc_DEF-123')
  expect(readCookie('bm_session_old=x; bm_session=y', 'bm_session')).toBe('y')
  expect(readCookie('a=%20b', 'a')).toBe(' b')
  expect(readCookie('a=1', 'bm_session')).toBeNull()
  expect(readCookie(null, 'bm_session')).toBeNull()
  expect(readCookie('', 'bm_session')).toBeNull()
})
