'use client'
// The banner's first cause, before any issue: we cannot talk to Back Market at all — it refused the
// saved token, or none is saved. Admins get the way to Settings → Back Market; support staff
// viewing read-only are told to act as support; others whom to ask (the server checks the role
// again on every request; this only shapes the text).
import Link from 'next/link'
import { useFormatter, useTranslations } from 'next-intl'
import type { ConnectionHealthView } from './api/get-connection-issues'
import { formatWhen } from './format-time'

/** `staffReadOnly`: support staff with the merchant open read-only (acting would let them fix it). */
type Props = { connection: ConnectionHealthView['connection']; canFix: boolean; staffReadOnly: boolean; merchantName: string }

export function ConnectionBannerToken({ connection, canFix, staffReadOnly, merchantName }: Props) {
  const t = useTranslations('connection.banner')
  const format = useFormatter()
  if (connection.token === 'connected') return null
  const refused = connection.token === 'token_refused'
  const who = canFix ? 'fix' : staffReadOnly ? 'staff' : 'ask'
  const text = refused
    ? { fix: t('tokenRefused'), staff: t('tokenRefusedStaff'), ask: t('tokenRefusedAsk', { merchant: merchantName }) }[who]
    : { fix: t('notConnected'), staff: t('notConnectedStaff'), ask: t('notConnectedAsk', { merchant: merchantName }) }[who]
  return (
    <section role="status" aria-labelledby="connection-token-title" className="border-b border-red-200 bg-red-50 text-red-950">
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-3 sm:px-6 md:flex-row md:items-center md:justify-between lg:px-8">
        <div className="min-w-0 space-y-1 text-sm">
          <h2 id="connection-token-title" className="flex items-center gap-2 font-semibold">
            <span aria-hidden="true">⚠</span>
            {refused ? t('tokenRefusedTitle') : t('notConnectedTitle')}
          </h2>
          <p>{text}</p>
          {refused && connection.refusal?.status != null && connection.refusedAt ? (
            <p className="text-red-900">{t('tokenRefusedAnswer', { status: connection.refusal.status, at: formatWhen(format, connection.refusedAt) })}</p>
          ) : null}
        </div>
        {canFix ? (
          <Link
            href="/settings/back-market"
            className="shrink-0 self-start rounded-md bg-white px-3 py-1.5 text-sm font-medium text-red-950 ring-1 ring-red-300 ring-inset underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800 md:self-center"
          >
            {refused ? t('updateToken') : t('connect')}
          </Link>
        ) : null}
      </div>
    </section>
  )
}
