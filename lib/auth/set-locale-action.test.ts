// The header's language switch: the cookie always; for a signed-in person, their saved language
// too, audited like the Profile page's change (and nothing recorded when nothing changed).
import { expect, test, vi } from 'vitest'
import { setLocaleAction } from '@/lib/auth/set-locale-action'
import { SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import { db } from '@/lib/db'
import { createSignedInMerchant } from '@/test/factories'

const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }))
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  }),
}))
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }))

const choose = (locale: string) => {
  const data = new FormData()
  data.set('locale', locale)
  return setLocaleAction(data)
}

test('saves the language on the person and audits it once; junk changes nothing', async () => {
  const { merchant, user, token } = await createSignedInMerchant()
  request.cookies = new Map([[SESSION_COOKIE_NAME, token]])
  await choose('fr')
  expect(request.cookies.get('bm_locale')).toBe('fr')
  expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ locale: 'fr' })
  await choose('fr')
  await choose('de')
  expect(request.cookies.get('bm_locale')).toBe('fr')
  const rows = await db.auditEvent.findMany({ where: { merchantId: merchant.id, action: 'user.preferences_updated' } })
  expect(rows.map((r) => [r.actorId, r.before, r.after])).toEqual([[user.id, { locale: null }, { locale: 'fr' }]])
})

test('without a session only the cookie is set', async () => {
  request.cookies = new Map()
  await choose('en')
  expect(request.cookies.get('bm_locale')).toBe('en')
})
