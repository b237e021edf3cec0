// The one answer to a link that does not work, whatever the reason (expired, used, replaced,
// unknown): no hint which, nor whose it was.
import { getTranslations } from 'next-intl/server'
import Link from 'next/link'

export async function InvalidLink() {
  const t = await getTranslations('people.invalidLink')
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t('text')}</p>
      <Link href="/login" className="text-sm font-medium text-indigo-700 underline hover:text-indigo-900">
        {t('signIn')}
      </Link>
    </div>
  )
}
