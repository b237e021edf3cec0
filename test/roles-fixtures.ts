// Who may call what: the seven kinds of caller the role tests ask, and which of them each rule
// lets through. One merchant per call to createRoleCallers, its three roles and three staff
// sessions (nothing open, its dashboard read-only, acting on it), plus nobody signed in.
import { leastRoleFor, type MerchantRole, type Permission } from '@/lib/auth/roles'
import { createSignedInMerchant, createSignedInStaff, createTestUser } from '@/test/factories'

/** 'v1': /api/v1, authenticated by API key (protected-routes and the /api/v1 tests cover it). */
export type Rule = 'public' | 'session' | Permission | 'staff' | 'v1'

export const CALLERS = ['anonymous', 'viewer', 'operator', 'admin', 'staff, nothing open', 'staff, read-only', 'staff, acting'] as const
export type CallerName = (typeof CALLERS)[number]

export type Caller = { name: CallerName; cookie: string | undefined; token: string | undefined; userId: string | undefined }

const MERCHANT_READERS: CallerName[] = ['viewer', 'operator', 'admin', 'staff, read-only', 'staff, acting']

/** Each rule's callers; everyone else is refused. Every rule lets a different set through. */
export const ALLOWED: Record<Exclude<Rule, 'v1'>, readonly CallerName[]> = {
  public: CALLERS,
  session: CALLERS.filter((c) => c !== 'anonymous'),
  read: MERCHANT_READERS,
  operate: ['operator', 'admin', 'staff, acting'],
  administer: ['admin', 'staff, acting'],
  staff: ['staff, nothing open', 'staff, read-only', 'staff, acting'],
}

export function isAllowed(rule: Exclude<Rule, 'v1'>, caller: CallerName): boolean {
  return ALLOWED[rule].includes(caller)
}

/**
 * Why a permission rule refuses a signed-in caller, as assertPermission says it (details.reason),
 * or null when the refusal is not a merchant permission's (staff routes, or not refused).
 */
export function expectedRefusal(rule: Exclude<Rule, 'v1'>, caller: CallerName): { reason: string; needs?: MerchantRole; role?: MerchantRole } | null {
  if (rule !== 'read' && rule !== 'operate' && rule !== 'administer') return null
  if (caller === 'anonymous' || isAllowed(rule, caller)) return null
  if (caller === 'staff, nothing open') return { reason: 'no_merchant_open' }
  const needs = leastRoleFor(rule)
  if (caller === 'staff, read-only') return { reason: 'staff_read_only', needs, role: 'VIEWER' }
  return { reason: 'role', needs, role: caller.toUpperCase() as MerchantRole }
}

/** One merchant (with its demo order `reference` if given) and a caller of each kind on it. */
export async function createRoleCallers() {
  const viewer = await createSignedInMerchant({ role: 'VIEWER' })
  const merchantId = viewer.merchant.id
  const [operator, admin] = [await createTestUser({ merchantId, role: 'OPERATOR' }), await createTestUser({ merchantId, role: 'ADMIN' })]
  const [none, readOnly, acting] = [
    await createSignedInStaff(),
    await createSignedInStaff({ open: merchantId, acting: false }),
    await createSignedInStaff({ open: merchantId, acting: true }),
  ]
  const signedIn = { viewer, operator, admin, 'staff, nothing open': none, 'staff, read-only': readOnly, 'staff, acting': acting } as const
  const callers: Caller[] = CALLERS.map((name) => {
    if (name === 'anonymous') return { name, cookie: undefined, token: undefined, userId: undefined }
    const s = signedIn[name]
    return { name, cookie: s.cookie, token: s.token, userId: s.user.id }
  })
  return { merchant: viewer.merchant, callers }
}
