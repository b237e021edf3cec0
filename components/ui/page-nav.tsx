// Previous / next links under a list whose page lives in the URL. The callers say what the list
// is (texts and the hrefs of the neighbouring pages); a missing href is the first or last page.
import Link from 'next/link'
import { buttonClasses } from '@/components/ui/button'

type Neighbour = { href: string | null; label: string }

export function PageNav({ label, summary, pageText, previous, next }: { label: string; summary: string; pageText: string; previous: Neighbour; next: Neighbour }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 sm:px-5">
      <p className="text-sm text-slate-700">
        {summary}
        <span className="text-slate-500"> · {pageText}</span>
      </p>
      <div className="flex gap-2">
        <PageLink {...previous} rel="prev" />
        <PageLink {...next} rel="next" />
      </div>
    </nav>
  )
}

function PageLink({ href, label, rel }: Neighbour & { rel: 'prev' | 'next' }) {
  const className = buttonClasses({ variant: 'secondary', size: 'sm' })
  // A disabled link is not a link: render text that says so rather than a dead anchor.
  if (!href) {
    return (
      <span aria-disabled="true" className={className}>
        {label}
      </span>
    )
  }
  return (
    <Link href={href} rel={rel} className={className}>
      {label}
    </Link>
  )
}
