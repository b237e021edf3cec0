// The "Connection issues" banner on every dashboard page (Cubyn's yellow message, docs/backmarket.md §2.1).
// Read on the server straight from the database, inside its own Suspense boundary so the page
// never waits for it. If the read or the rendering fails, the page shows without the banner
// rather than not at all.
import { unstable_rethrow } from 'next/navigation'
import { Suspense } from 'react'
import { getCurrentSession } from '@/lib/auth/require-user'
import { roleCan } from '@/lib/auth/roles'
import { log } from '@/lib/log'
import { getConnectionHealth } from '@/lib/sync/connection-health'
import { toConnectionHealthView } from './connection-health-view'
import { ConnectionBannerView } from './connection-banner-view'
import { QuietBoundary } from './quiet-boundary'

export function ConnectionBanner({ merchantId }: { merchantId: string }) {
  return (
    <Suspense fallback={null}>
      <ConnectionBannerLoader merchantId={merchantId} />
    </Suspense>
  )
}

async function ConnectionBannerLoader({ merchantId }: { merchantId: string }) {
  const health = await getConnectionHealth({ merchantId }).catch((err: unknown) => {
    unstable_rethrow(err)
    log.error({ err, merchantId }, 'connection banner could not be read')
    return null
  })
  if (!health) return null
  // Who may fix the token (an admin, or support acting): they get the link, others whom to ask.
  // The layout's lookup, cached for the request.
  const user = (await getCurrentSession())?.user
  const staffReadOnly = !!user?.staff && !user.staff.acting
  const canFix = !!user?.role && roleCan(user.role, 'administer') && !staffReadOnly
  return (
    <QuietBoundary>
      <ConnectionBannerView initial={toConnectionHealthView(health)} canFix={canFix} staffReadOnly={staffReadOnly} merchantName={user?.merchantName ?? ''} />
    </QuietBoundary>
  )
}
