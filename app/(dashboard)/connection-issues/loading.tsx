import { getTranslations } from 'next-intl/server'
import { Skeleton } from '@/components/ui/skeleton'

export default async function ConnectionIssuesLoading() {
  const t = await getTranslations('connection.page')
  return (
    <div className="space-y-6" aria-busy="true">
      <p role="status" className="sr-only">
        {t('loading')}
      </p>
      <div className="space-y-2">
        <Skeleton className="h-7 w-64" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <Skeleton className="h-28 w-full" />
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} className="h-40 w-full" />
      ))}
    </div>
  )
}
