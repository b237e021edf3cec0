// The catalogue of audited changes. The Audit page filters by these and names each one in the
// user's language (messages/*/audit.json, key = the action with '.' → '_'). Adding a kind of
// change means adding it here; a row with an action outside the list cannot be written.
import { z } from 'zod'

export const AUDIT_ACTIONS = [
  // Orders and sync (operators)
  'order.address_updated',
  'order.resync_requested',
  'sync_issue.dismissed',
  'sku_mapping.saved',
  'sku_mapping.deleted',
  // Back Market connection (admins, staff, worker)
  'merchant.onboarded',
  'merchant.settings_updated',
  'backmarket.token_saved',
  'backmarket.disconnected',
  'backmarket.token_refused',
  // People (admins, the users themselves)
  'user.invited',
  'user.invitation_accepted',
  'user.role_changed',
  'user.deactivated',
  'user.password_reset_issued',
  'user.password_reset_completed',
  'user.password_changed',
  'user.preferences_updated',
  'session.revoked',
  // Integrations (admins, worker)
  'api_key.created',
  'api_key.revoked',
  'webhook.endpoint_created',
  'webhook.endpoint_updated',
  'webhook.endpoint_deleted',
  'webhook.secret_rotated',
  'webhook.delivery_redelivered',
  'webhook.endpoint_disabled',
  // The fulfilment company's staff
  'staff.merchant_opened',
  'staff.acting_started',
  'staff.acting_stopped',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]
export const AuditActionSchema = z.enum(AUDIT_ACTIONS)
