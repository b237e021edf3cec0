// An admin invites someone to their merchant: inviteUser in a transaction of its own (onboarding,
// in lib/staff, calls inviteUser inside the transaction that creates the merchant). Counted
// against the merchant's hourly budget of one-time links first.
import 'server-only'
import { db } from '@/lib/db'
import { inviteUser, type InviteUserOptions } from './invite-user'
import { linkIssueLimiter, type LinkIssueLimiter } from './link-issue-limit'

export async function inviteMerchantUser(options: InviteUserOptions, { limiter = linkIssueLimiter() }: { limiter?: LinkIssueLimiter } = {}) {
  await limiter.consume(options.merchantId)
  return db.$transaction((tx) => inviteUser(tx, options))
}
