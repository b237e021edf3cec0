// The permission table: who may call each route of app/api and each server action. The role ×
// route test (app/api/roles.test.ts) and the server-action test (app/server-actions-roles.test.ts)
// hold the code to it both ways: a route or action without a row fails, so does a row without one.
// Rules (test/roles-fixtures.ts ALLOWED says whom each lets through): 'public' (no sign-in),
// 'session' (anyone signed in, staff with nothing open too), 'read' / 'operate' / 'administer' (a
// merchant in view and the role for it: lib/auth/roles.ts), 'staff' (the fulfilment company's
// staff), 'v1' (an API key of the operation's scope: the /api/v1 tests).
import type { Rule } from '@/test/roles-fixtures'

export const ROUTE_RULES: Record<string, Rule> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'session',
  'POST /api/auth/invitations/accept': 'public',
  'POST /api/auth/password-reset': 'public',

  // One's own profile, password and sessions: staff too, with or without a merchant open.
  'GET /api/me': 'session',
  'PATCH /api/me': 'session',
  'POST /api/me/password': 'session',
  'GET /api/me/sessions': 'session',
  'DELETE /api/me/sessions/[id]': 'session',

  'GET /api/users': 'administer',
  'POST /api/users': 'administer',
  'PATCH /api/users/[id]': 'administer',
  'DELETE /api/users/[id]': 'administer',
  'POST /api/users/[id]/invitation': 'administer',
  'POST /api/users/[id]/password-reset': 'administer',

  'GET /api/backmarket-connection': 'administer',
  'PUT /api/backmarket-connection': 'administer',
  'PATCH /api/backmarket-connection': 'administer',
  'DELETE /api/backmarket-connection': 'administer',
  'POST /api/backmarket-connection/test': 'administer',
  'GET /api/audit': 'administer',
  'GET /api/audit/export': 'administer',

  'GET /api/staff/merchants': 'staff',
  'POST /api/staff/merchants': 'staff',
  'POST /api/staff/merchants/[id]/open': 'staff',
  'POST /api/staff/session/acting': 'staff',
  'DELETE /api/staff/session': 'staff',
  'GET /api/staff/warehouse-keys': 'staff',
  'POST /api/staff/warehouse-keys': 'staff',
  'DELETE /api/staff/warehouse-keys/[id]': 'staff',

  'GET /api/orders': 'read',
  'GET /api/orders/[reference]': 'read',
  'GET /api/orders/[reference]/backmarket': 'read',
  'PATCH /api/orders/[reference]/address': 'operate',
  'POST /api/orders/[reference]/sync': 'operate',
  'GET /api/errors': 'read',
  'GET /api/connection-issues': 'read',
  'GET /api/sku-mismatch': 'read',
  'GET /api/sync-attempts/[id]': 'read',
  'GET /api/syncs/[id]': 'read',
  'POST /api/syncs': 'operate',
  'POST /api/sync-issues/[id]/check': 'operate',
  'POST /api/sync-issues/[id]/dismiss': 'operate',
  'POST /api/sync-issues/dismiss': 'operate',
  'GET /api/sku-mappings': 'read',
  'POST /api/sku-mappings': 'operate',
  'POST /api/sku-mappings/preview': 'operate',
  'DELETE /api/sku-mappings/[id]': 'operate',

  'GET /api/api-keys': 'administer',
  'POST /api/api-keys': 'administer',
  'DELETE /api/api-keys/[id]': 'administer',
  'GET /api/webhooks': 'administer',
  'POST /api/webhooks': 'administer',
  'PATCH /api/webhooks/[id]': 'administer',
  'DELETE /api/webhooks/[id]': 'administer',
  'GET /api/webhooks/[id]/deliveries': 'administer',
  'POST /api/webhooks/[id]/rotate-secret': 'administer',
  'POST /api/webhooks/deliveries/[id]/redeliver': 'administer',

  'GET /api/v1/openapi.json': 'v1',
  'GET /api/v1/orders': 'v1',
  'GET /api/v1/orders/[reference]': 'v1',
  'POST /api/v1/orders/[reference]/sync': 'v1',
  'GET /api/v1/address-errors': 'v1',
  'GET /api/v1/connection-issues': 'v1',
  'GET /api/v1/sync-tasks/[id]': 'v1',
  'POST /api/v1/warehouse/events': 'v1',
  'GET /api/v1/warehouse/events/[id]': 'v1',
}

/** Server actions, by `<file from the repository root>#<export>`. */
export const ACTION_RULES: Record<string, Rule> = {
  'lib/auth/sign-in-action.ts#signInAction': 'public',
  // Anyone picks a language; a signed-in person's choice is also kept on their user.
  'lib/auth/set-locale-action.ts#setLocaleAction': 'public',
  'lib/auth/sign-out-action.ts#signOutAction': 'session',
  'lib/auth/sign-out-everywhere-action.ts#signOutEverywhereAction': 'session',
}
