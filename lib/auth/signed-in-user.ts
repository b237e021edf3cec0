// What every signed-in request knows about its caller.
import type { AuditActor } from '@/lib/audit/actor'
import type { MerchantRole, UserRole } from '@/lib/auth/roles'

/** The session's person, whatever they are looking at: a staff user may have no merchant open. */
export type SessionUser = {
  userId: string
  email: string
  name: string
  /** The user's own role; STAFF for the fulfilment company's support team. */
  userRole: UserRole
  /** The merchant in view: the user's own, or the one a staff session has open (else null). */
  merchantId: string | null
  /** Shown in the header; read with the session at no extra cost. */
  merchantName: string | null
  /** Effective role on that merchant (see roles.ts); null when no merchant is in view. */
  role: MerchantRole | null
  /** Set for staff: whether they chose to act on the merchant they have open. */
  staff: { acting: boolean } | null
  /** IANA zone every time is shown in: the user's, else the merchant's, else UTC. */
  timeZone: string
  locale: string | null
  /** Who the audit says did what this request changes (ip and user agent included for requests). */
  actor: AuditActor
}

/** A session with a merchant in view: what every merchant-scoped page, route and action works with. */
export type SignedInUser = SessionUser & { merchantId: string; merchantName: string; role: MerchantRole }
