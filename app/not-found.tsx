import Link from 'next/link'
import { buttonClasses } from '@/components/ui/button'

export default function NotFound() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="text-center">
        <p className="text-sm font-semibold text-indigo-700">404</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">This page does not exist</h1>
        <Link href="/orders" className={buttonClasses({ className: 'mt-6' })}>
          Go to orders
        </Link>
      </div>
    </main>
  )
}
