import { getTranslations } from 'next-intl/server'
import { Card } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'

export async function OrdersTableSkeleton() {
  const t = await getTranslations('orders.list')
  return (
    <Card role="status" aria-label={t('loading')}>
      <div className="border-b border-slate-200 bg-slate-50 px-5 py-3">
        <Skeleton className="h-3 w-1/3" />
      </div>
      <div className="divide-y divide-slate-200">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex items-center gap-6 px-5 py-4">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-4 w-32" />
            <Skeleton className="hidden h-4 w-40 md:block" />
            <Skeleton className="ml-auto h-4 w-16" />
            <Skeleton className="h-5 w-20" />
          </div>
        ))}
      </div>
    </Card>
  )
}
