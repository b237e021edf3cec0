// The scheduled recheck of SKUs waiting for a Back Market listing (recheck-missing-listings.ts):
// a pg-boss cron like the import tick and the sweep. pg-boss fires a schedule once across all
// workers, and the singleton queue runs one recheck at a time however many workers there are.
import 'server-only'
import type PgBoss from 'pg-boss'
import { log } from '@/lib/log'
import { recheckAllMissingListings } from './recheck-missing-listings'

export const LISTING_RECHECK_QUEUE = 'listing-recheck'
/** Every 10 minutes (the merchant is told so): a listing created on Back Market is picked up soon, at a few GETs per waiting SKU. */
export const LISTING_RECHECK_CRON = '*/10 * * * *'

export async function registerListingRecheck(boss: PgBoss): Promise<void> {
  await boss.createQueue(LISTING_RECHECK_QUEUE, { name: LISTING_RECHECK_QUEUE, policy: 'singleton' })
  await boss.work(LISTING_RECHECK_QUEUE, async () => {
    const { checked, found } = await recheckAllMissingListings()
    if (checked) log.info({ checked, found }, 'rechecked SKUs waiting for a Back Market listing')
  })
  await boss.schedule(LISTING_RECHECK_QUEUE, LISTING_RECHECK_CRON)
}
