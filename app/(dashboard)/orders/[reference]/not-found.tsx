import Link from 'next/link'
import { buttonClasses } from '@/components/ui/button'

// Also what another merchant's order looks like: indistinguishable from one that does not exist.
export default function OrderNotFound() {
  return (
    <div className="rounded-lg bg-white px-6 py-12 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-lg font-semibold text-slate-900">Order not found</h1>
      <p className="mt-2 text-sm text-slate-600">Check the order number; only your own Back Market orders are listed here.</p>
      <Link href="/orders" className={buttonClasses({ className: 'mt-6' })}>
        Back to orders
      </Link>
    </div>
  )
}
