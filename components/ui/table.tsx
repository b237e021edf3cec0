// A data table that scrolls sideways inside its own box on narrow screens instead of making the
// whole page scroll. The wrapper is focusable so keyboard users can scroll it too.
import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from 'react'
import { cn } from '@/components/ui/cn'

export function Table({ className, label, ...props }: HTMLAttributes<HTMLTableElement> & { label: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-indigo-600">
      <table aria-label={label} className={cn('min-w-full divide-y divide-slate-200 text-sm', className)} {...props} />
    </div>
  )
}

export function THead(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className="bg-slate-50" {...props} />
}

export function TBody(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className="divide-y divide-slate-200 bg-white" {...props} />
}

export function Tr({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn('align-top', className)} {...props} />
}

/** Headers may wrap between words: a longer language's header should not push columns out of view. */
export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn('px-3 py-2.5 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase first:pl-4 last:pr-4 sm:first:pl-5 sm:last:pr-5', className)} {...props} />
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('px-3 py-3 text-slate-800 first:pl-4 last:pr-4 sm:first:pl-5 sm:last:pr-5', className)} {...props} />
}
