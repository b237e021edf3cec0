import { useTranslations } from 'next-intl'
import { Skeleton } from '@/components/ui/skeleton'

export default function Loading() {
  const t = useTranslations('common')
  return (
    <div role="status" aria-label={t('loading')} className="space-y-6">
      <Skeleton className="h-4 w-32" />
      <Skeleton className="h-8 w-2/3" />
      <div className="space-y-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="grid gap-3 md:grid-cols-[1fr_16rem]">
            <Skeleton className="h-10 w-full" />
            <Skeleton className="h-4 w-40 md:mt-3" />
          </div>
        ))}
      </div>
    </div>
  )
}
