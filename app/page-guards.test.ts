// Every page states who may see it: each page.tsx under app/ (found by scanning, so a new page
// without its row fails) calls the guard its row names — requireUser('<permission>'),
// requireStaffUser(), requireSessionUser() — or is public and calls none. The guards themselves are
// then called as a page calls them (next/headers holding each caller's session), by nobody, each
// role and each staff state: signed out → /login, staff with nothing open → /staff, a role without
// the permission → the 403 page (app/forbidden.tsx).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, vi } from 'vitest'
import { SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import type { Permission } from '@/lib/auth/roles'
import { refusalOf, requireSessionUser, requireStaffUser, requireUser, type Refusal } from '@/lib/auth/require-user'
import { createRoleCallers, isAllowed, type CallerName } from '@/test/roles-fixtures'

const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }))
vi.mock('next/headers', () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined) }),
}))
// What next.config.js's experimental.authInterrupts sets for the server, so forbidden() works.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS ??= 'true'

type Guard = Permission | 'staff' | 'session' | 'public'

/** Each page (its file under app/) and its guard. 'public': no sign-in (or it only redirects). */
const PAGE_GUARDS: Record<string, Guard> = {
  'page.tsx': 'public', // redirects to /orders, which is guarded
  'login/page.tsx': 'public',
  '(dashboard)/orders/page.tsx': 'read',
  '(dashboard)/orders/[reference]/page.tsx': 'read',
  '(dashboard)/errors/page.tsx': 'read',
  '(dashboard)/errors/[reference]/page.tsx': 'read',
  '(dashboard)/connection-issues/page.tsx': 'read',
  '(dashboard)/settings/page.tsx': 'public', // redirects to /settings/profile; the settings layout guards
  '(dashboard)/settings/api-reference/page.tsx': 'read',
  '(dashboard)/settings/api-keys/page.tsx': 'administer',
  '(dashboard)/settings/webhooks/page.tsx': 'administer',
  '(dashboard)/settings/users/page.tsx': 'administer',
  '(dashboard)/settings/back-market/page.tsx': 'administer',
  '(dashboard)/audit/page.tsx': 'administer',
  // Everyone with a merchant in view; staff keep no profile here (their pages are under /staff).
  '(dashboard)/settings/profile/page.tsx': 'read',
  // One-time links: opened by people who cannot sign in yet; the token is the credential.
  'invite/[token]/page.tsx': 'public',
  'reset-password/[token]/page.tsx': 'public',
  '(staff)/staff/page.tsx': 'staff',
  '(staff)/staff/merchants/new/page.tsx': 'staff',
  '(staff)/staff/warehouse-keys/page.tsx': 'staff',
  '(staff)/staff/profile/page.tsx': 'staff',
}

const APP = path.join(process.cwd(), 'app')
const pages = (readdirSync(APP, { recursive: true }) as string[]).filter((f) => path.basename(f) === 'page.tsx').sort()

/** The guard calls in a page's code (comments removed: a guard named in a comment guards nothing). */
function guardCalls(file: string): string[] {
  const code = readFileSync(path.join(APP, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1')
  return [...code.matchAll(/\b(requireUser|requireStaffUser|requireSessionUser)\(\s*([^)]*?)\s*\)/g)].map(([, fn, arg]) =>
    fn === 'requireUser' ? `requireUser(${(arg || "'read'").replaceAll('"', "'")})` : `${fn}()`,
  )
}

const EXPECTED_CALL: Record<Exclude<Guard, 'public'>, string> = {
  read: "requireUser('read')",
  operate: "requireUser('operate')",
  administer: "requireUser('administer')",
  staff: 'requireStaffUser()',
  session: 'requireSessionUser()',
}

test('every page has its row, and every row its page', () => {
  expect(pages.filter((p) => !(p in PAGE_GUARDS)), 'pages without a row in app/page-guards.test.ts').toEqual([])
  expect(Object.keys(PAGE_GUARDS).filter((p) => !pages.includes(p)), 'rows without a page').toEqual([])
})

test.each(pages.filter((p) => p in PAGE_GUARDS).map((p) => [p, PAGE_GUARDS[p]!] as const))('%s calls its guard (%s)', (page, guard) => {
  const calls = guardCalls(page)
  if (guard === 'public') expect(calls, `${page} is public: no guard`).toEqual([])
  else expect(new Set(calls), `${page} must call ${EXPECTED_CALL[guard]}, and no other guard`).toEqual(new Set([EXPECTED_CALL[guard]]))
})

type Outcome = 'shown' | 'forbidden' | `redirect ${string}`

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run()
    return 'shown'
  } catch (err) {
    const digest = String((err as { digest?: unknown }).digest ?? '')
    if (digest.startsWith('NEXT_REDIRECT;')) return `redirect ${digest.split(';')[2]}`
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;403') return 'forbidden'
    throw err
  }
}

function expectedOutcome(guard: Exclude<Guard, 'public'>, caller: CallerName): Outcome {
  if (caller === 'anonymous') return 'redirect /login'
  if (guard === 'session') return 'shown'
  if (guard === 'staff') return isAllowed('staff', caller) ? 'shown' : 'forbidden'
  if (caller === 'staff, nothing open') return 'redirect /staff'
  return isAllowed(guard, caller) ? 'shown' : 'forbidden'
}

const GUARDS: Record<Exclude<Guard, 'public'>, () => Promise<unknown>> = {
  read: () => requireUser('read'),
  operate: () => requireUser('operate'),
  administer: () => requireUser('administer'),
  staff: () => requireStaffUser(),
  session: () => requireSessionUser(),
}

test('each guard shows the page, redirects or answers 403, by caller', async () => {
  const { callers } = await createRoleCallers()
  const seen: string[] = []
  const expected: string[] = []
  for (const [guard, run] of Object.entries(GUARDS) as [Exclude<Guard, 'public'>, () => Promise<unknown>][]) {
    for (const caller of callers) {
      request.cookies = new Map(caller.token ? [[SESSION_COOKIE_NAME, caller.token]] : [])
      seen.push(`${guard} × ${caller.name}: ${await outcomeOf(run)}`)
      expected.push(`${guard} × ${caller.name}: ${expectedOutcome(guard, caller.name)}`)
    }
  }
  expect(seen).toEqual(expected)
})

// The 403 page says what the guard noted: a viewer on /staff is told the page is staff-only (and
// gets its own <main>), not that it needs an admin of their merchant.
test('each refusal notes why, by guard and caller', async () => {
  const { callers } = await createRoleCallers()
  const expected: Record<string, Refusal> = {
    'administer × viewer': 'needs_admin',
    'administer × operator': 'needs_admin',
    'administer × staff, read-only': 'staff_read_only',
    'operate × viewer': 'needs_operator',
    'operate × staff, read-only': 'staff_read_only',
    'staff × viewer': 'staff_only',
    'staff × operator': 'staff_only',
    'staff × admin': 'staff_only',
  }
  const seen: Record<string, Refusal> = {}
  for (const guard of ['read', 'operate', 'administer', 'staff'] as const) {
    for (const caller of callers) {
      if (!caller.token || caller.name === 'staff, nothing open' || isAllowed(guard, caller.name)) continue
      request.cookies = new Map([[SESSION_COOKIE_NAME, caller.token]])
      seen[`${guard} × ${caller.name}`] = refusalOf(await requireSessionUser(), guard)
    }
  }
  expect(seen).toEqual(expected)
})
