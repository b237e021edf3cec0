// An admin invites someone to their merchant: inviteUser in a transaction of its own (onboarding,
// in lib/staff, calls inviteUser inside the transaction that creates the merchant).
import 'server-only'
import { db } from '@/lib/db'
import { inviteUser, type InviteUserOptions } from './invite-user'

export function inviteMerchantUser(options: InviteUserOptions) {
  return db.$transaction((tx) => inviteUser(tx, options))
}
