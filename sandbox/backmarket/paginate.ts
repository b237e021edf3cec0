// Back Market's list envelope (docs/backmarket.md §1.3): page / page-size (default 10, clamped at 50),
// absolute next / previous links that keep the caller's other query parameters.
import { fail } from './errors'

export interface Page<T> {
  count: number
  next: string | null
  previous: string | null
  results: T[]
}

const DEFAULT_SIZE = 10
const MAX_SIZE = 50

export function pageSizeOf(raw: string | undefined): number {
  const n = Number(raw)
  // Like DRF, an unusable page size falls back to the default instead of failing.
  if (!raw || !Number.isInteger(n) || n < 1) return DEFAULT_SIZE
  return Math.min(n, MAX_SIZE)
}

export function paginate<T>(items: T[], query: Record<string, string | undefined>, selfUrl: string): Page<T> {
  const size = pageSizeOf(query['page-size'])
  const page = query.page === undefined || query.page === '' ? 1 : Number(query.page)
  const lastPage = Math.max(1, Math.ceil(items.length / size))
  if (!Number.isInteger(page) || page < 1 || page > lastPage) fail(404, 'not-found', 'Invalid page.', { target: 'page' })

  const link = (p: number) => {
    const url = new URL(selfUrl)
    url.searchParams.set('page', String(p))
    return url.toString()
  }
  return {
    count: items.length,
    next: page < lastPage ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results: items.slice((page - 1) * size, page * size),
  }
}
