import { useTranslations } from 'next-intl'
import { Card } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'

export function AddressErrorsSkeleton() {
  const t = useTranslations('errors.list')
  return (
    <Card role="status" aria-label={t('loading')}>
      <div className="divide-y divide-slate-200">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="grid gap-3 px-5 py-4 md:grid-cols-[10rem_1fr_14rem] md:items-center">
            <Skeleton className="h-4 w-28" />
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-4 w-32" />
          </div>
        ))}
      </div>
    </Card>
  )
}
