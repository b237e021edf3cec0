// Form fields. An invalid field is marked with aria-invalid and points at its error text with
// aria-describedby; the error region is aria-live so screen readers hear it appear.
import type { InputHTMLAttributes, LabelHTMLAttributes, SelectHTMLAttributes } from 'react'
import { cn } from '@/components/ui/cn'

const fieldBase =
  'block w-full rounded-md border-0 bg-white text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 ' +
  'placeholder:text-slate-400 focus:outline-2 focus:-outline-offset-1 focus:outline-indigo-600 ' +
  'aria-invalid:ring-red-600 aria-invalid:ring-2'

export function Label({ className, ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  return <label className={cn('block text-sm font-medium text-slate-800', className)} {...props} />
}

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(fieldBase, 'h-10 px-3', className)} {...props} />
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(fieldBase, 'h-10 pr-8 pl-3', className)} {...props} />
}

/** Always rendered (empty when valid) so the live region exists before the error arrives. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} aria-live="polite" className="mt-1.5 min-h-5 text-sm text-red-700">
      {errors?.join(' ')}
    </p>
  )
}
