import { cn } from '@/components/ui/cn'

/** A grey placeholder bar; hidden from assistive tech (the surrounding region says "Loading"). */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn('animate-pulse rounded bg-slate-200', className)} />
}
