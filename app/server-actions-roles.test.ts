// The role × server-action proof: every exported function of every 'use server' file under app/,
// lib/ and components/ (found by scanning, so a new action without its row in test/role-rules.ts
// fails) is called as Next calls it — next/headers' cookies holding each caller's session — by
// nobody, each role and each staff state, and each answers as its rule says. next/headers and
// next/cache are Next's request scope, given here by hand (as lib/auth/sign-in-action.test.ts does).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, vi } from 'vitest'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import { db } from '@/lib/db'
import { LOCALE_COOKIE } from '@/lib/i18n/locales'
import { ACTION_RULES } from '@/test/role-rules'
import { createRoleCallers, isAllowed, type Caller, type Rule } from '@/test/roles-fixtures'

const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }))
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  }),
}))
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }))

const ROOTS = ['app', 'lib', 'components']
const USE_SERVER = /^\s*['"]use server['"]/m
const EXPORTED = /^export (?:async function|const|function) (\w+)/gm

function listServerActions(): string[] {
  return ROOTS.flatMap((root) =>
    (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => path.join(root, f))
      .filter((file) => USE_SERVER.test(readFileSync(file, 'utf8')))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(EXPORTED)].map((m) => `${file}#${m[1]}`)),
  ).sort()
}

type Outcome = { kind: 'returned'; value: unknown } | { kind: 'redirect'; to: string } | { kind: 'forbidden' }

/** What the action did, as Next would act on it: a value, a redirect, or the 403 page. */
async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { kind: 'returned', value: await run() }
  } catch (err) {
    const digest = (err as { digest?: unknown }).digest
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT;')) return { kind: 'redirect', to: digest.split(';')[2]! }
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;403') return { kind: 'forbidden' }
    throw err
  }
}

function asCaller(caller: Caller) {
  request.headers = new Headers({ 'x-forwarded-for': '203.0.113.7' })
  request.cookies = new Map(caller.token ? [[SESSION_COOKIE_NAME, caller.token]] : [])
}

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) data.set(k, v)
  return data
}

/** Each action called by one caller, and its answer held to the action's rule. */
type Probe = (caller: Caller, rule: Exclude<Rule, 'v1'>, everyone: Caller[]) => Promise<void>

const PROBES: Record<string, Probe> = {
  'lib/auth/sign-in-action.ts#signInAction': async (caller) => {
    const { signInAction } = await import('@/lib/auth/sign-in-action')
    // Nobody is refused the form: everyone gets its own answer (here: the field that is wrong).
    const outcome = await outcomeOf(() => signInAction({}, form({ email: 'not-an-email', password: '' })))
    expect(outcome, caller.name).toMatchObject({ kind: 'returned', value: { email: 'not-an-email', fieldErrors: { email: expect.any(Array) } } })
  },
  'lib/auth/set-locale-action.ts#setLocaleAction': async (caller) => {
    const { setLocaleAction } = await import('@/lib/auth/set-locale-action')
    expect(await outcomeOf(() => setLocaleAction(form({ locale: 'fr' }))), caller.name).toEqual({ kind: 'returned', value: undefined })
    expect(request.cookies.get(LOCALE_COOKIE), caller.name).toBe('fr')
    if (caller.userId) expect((await db.user.findUniqueOrThrow({ where: { id: caller.userId } })).locale, caller.name).toBe('fr')
  },
  'lib/auth/sign-out-action.ts#signOutAction': async (caller, rule, everyone) => {
    const { signOutAction } = await import('@/lib/auth/sign-out-action')
    await expectSignedOut(caller, rule, everyone, signOutAction)
  },
  'lib/auth/sign-out-everywhere-action.ts#signOutEverywhereAction': async (caller, rule, everyone) => {
    const { signOutEverywhereAction } = await import('@/lib/auth/sign-out-everywhere-action')
    await expectSignedOut(caller, rule, everyone, signOutEverywhereAction)
  },
}

/** Signed in: the session ends and the browser goes to /login. Nobody signed in: /login, nothing else. */
async function expectSignedOut(caller: Caller, rule: Exclude<Rule, 'v1'>, everyone: Caller[], action: () => Promise<void>) {
  const sessionsOf = () => db.session.count({ where: { userId: { in: everyone.flatMap((c) => (c.userId ? [c.userId] : [])) } } })
  const sessionsBefore = await sessionsOf()
  expect(await outcomeOf(action), caller.name).toEqual({ kind: 'redirect', to: '/login' })
  expect(request.cookies.get(SESSION_COOKIE_NAME) ?? '', caller.name).toBe('')
  if (!isAllowed(rule, caller.name)) {
    expect(await sessionsOf(), `${caller.name}: nothing to end`).toBe(sessionsBefore)
    return
  }
  expect(await getSessionFromToken(caller.token), caller.name).toBeNull()
}

const actions = listServerActions()

test('every server action has its row in the permission table and its probe, and every row its action', () => {
  expect(actions).toEqual(expect.arrayContaining(['lib/auth/sign-in-action.ts#signInAction']))
  expect(actions.filter((a) => !(a in ACTION_RULES)), 'server actions without a row in test/role-rules.ts').toEqual([])
  expect(Object.keys(ACTION_RULES).filter((a) => !actions.includes(a)), 'rows of test/role-rules.ts without a server action').toEqual([])
  expect(actions.filter((a) => !(a in PROBES)), 'server actions without a probe in this file').toEqual([])
  console.log(`role × server-action matrix: ${actions.length} actions × 7 callers = ${actions.length * 7} cells`)
})

test.each(actions.filter((a) => a in ACTION_RULES && a in PROBES).map((a) => [`${a} (${ACTION_RULES[a]})`, a] as const))(
  '%s answers each caller by its rule',
  async (_name, action) => {
    const rule = ACTION_RULES[action] as Exclude<Rule, 'v1'>
    const { callers } = await createRoleCallers()
    for (const caller of callers) {
      asCaller(caller)
      await PROBES[action]!(caller, rule, callers)
    }
  },
)
