// The browser's way to call our API: JSON in, JSON out, and a non-2xx answer becomes an ApiError
// carrying our error body's code, message and details (see lib/errors.ts) so the UI can explain.
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details?: unknown

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

type ErrorBodyShape = { error?: { code?: unknown; message?: unknown; details?: unknown } }

export async function fetchJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers }, credentials: 'same-origin' })
  const body: unknown = await res.json().catch(() => null)
  if (!res.ok) {
    const e = (body as ErrorBodyShape | null)?.error
    throw new ApiError(
      res.status,
      typeof e?.code === 'string' ? e.code : 'http_error',
      typeof e?.message === 'string' ? e.message : `Request failed (HTTP ${res.status})`,
      e?.details,
    )
  }
  return body as T
}
