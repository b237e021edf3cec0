// /staff/merchants/new — onboard a merchant: the merchant (not connected) and its first admin's
// invitation, whose link is shown once.
import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { OnboardMerchantForm } from '@/components/staff/onboard-merchant-form'
import { Card, CardBody } from '@/components/ui/card'
import { requireStaffUser } from '@/lib/auth/require-user'
import { timeZoneChoices } from '@/lib/i18n/time-zone'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff.onboard')
  return { title: t('title') }
}

export default async function OnboardMerchantPage() {
  const [, t] = await Promise.all([requireStaffUser(), getTranslations('staff.onboard')])
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('description')}</p>
      </div>
      <Card aria-label={t('title')}>
        <CardBody>
          {/* The zones are listed by the server: the browser's own list may differ and would not hydrate. */}
          <OnboardMerchantForm timeZones={timeZoneChoices()} defaultTimeZone="Europe/Paris" />
        </CardBody>
      </Card>
    </div>
  )
}
