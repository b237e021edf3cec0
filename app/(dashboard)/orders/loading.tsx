import { OrdersTableSkeleton } from '@/components/orders/orders-table-skeleton'
import { Skeleton } from '@/components/ui/skeleton'

export default function Loading() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Orders</h1>
        <Skeleton className="mt-2 h-4 w-72" />
      </div>
      <Skeleton className="h-16 w-full max-w-xl" />
      <OrdersTableSkeleton />
    </div>
  )
}
