import { expect, test } from 'vitest'
import { leastRoleFor, MERCHANT_ROLES, PERMISSIONS, roleCan, staffEffectiveRole } from './roles'

test('each role holds the permissions of the roles below it, and one more', () => {
  const table = MERCHANT_ROLES.map((r) => PERMISSIONS.filter((p) => roleCan(r, p)))
  expect(table).toEqual([['read'], ['read', 'operate'], ['read', 'operate', 'administer']])
  expect(PERMISSIONS.map(leastRoleFor)).toEqual(['VIEWER', 'OPERATOR', 'ADMIN'])
})

test('staff read until they choose to act', () => {
  expect(roleCan(staffEffectiveRole(false), 'operate')).toBe(false)
  expect(roleCan(staffEffectiveRole(true), 'administer')).toBe(true)
})
