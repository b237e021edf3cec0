// The simulator's side of POST /api/v1/warehouse/events, as any WMS would write it: one batch per
// request with the warehouse key; a network failure, a 5xx or a 429 is retried with backoff
// (Retry-After honoured) with the very same body, so the events keep their ids and a batch the
// app recorded before the answer was lost comes back as "duplicate", never as a second event.
import { setTimeout as sleep } from 'node:timers/promises'
import { z } from 'zod'
import { EventBatchResultSchema, type EventResult } from '@/lib/warehouse-events/event-results'
import type { WarehouseEventInput } from '@/lib/warehouse-events/event-schema'

export type EventsApi = { url: string; key: string }
export type { EventResult }

/** 400/409 when no event of the batch was taken: the same results, inside the error's details. */
const RefusedSchema = z.object({ error: z.object({ details: EventBatchResultSchema }) })

export type PostOptions = {
  signal?: AbortSignal
  /** Attempts in all, the first included. */
  attempts?: number
  /** First backoff; doubles per attempt up to maxDelayMs, with jitter. */
  baseDelayMs?: number
  maxDelayMs?: number
  onRetry?: (why: string, waitMs: number) => void
}

export class EventsApiError extends Error {}

export async function postEvents(api: EventsApi, events: WarehouseEventInput[], opts: PostOptions = {}): Promise<EventResult[]> {
  const { attempts = 8, baseDelayMs = 500, maxDelayMs = 30_000 } = opts
  const body = JSON.stringify({ events })
  for (let attempt = 1; ; attempt++) {
    let why: string
    let retryAfterMs: number | null = null
    try {
      const res = await fetch(api.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${api.key}`, 'content-type': 'application/json', accept: 'application/json' },
        body,
        signal: opts.signal ? AbortSignal.any([opts.signal, AbortSignal.timeout(30_000)]) : AbortSignal.timeout(30_000),
      })
      const text = await res.text()
      if (res.status === 202 || res.status === 200) return parseWith(EventBatchResultSchema, text, res.status).results
      if (res.status === 400 || res.status === 409) {
        const refused = RefusedSchema.safeParse(safeJson(text))
        if (refused.success) return refused.data.error.details.results
      }
      if (res.status !== 429 && res.status < 500) throw new EventsApiError(`the events API answered ${res.status}: ${text.slice(0, 300)}`)
      why = `HTTP ${res.status}`
      retryAfterMs = parseRetryAfter(res.headers.get('retry-after'))
    } catch (err) {
      if (err instanceof EventsApiError || opts.signal?.aborted) throw err
      why = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)
    }
    if (attempt >= attempts) throw new EventsApiError(`the events API still failing after ${attempts} attempts (${why})`)
    const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2)
    const waitMs = Math.max(retryAfterMs ?? 0, backoff)
    opts.onRetry?.(why, waitMs)
    await sleep(waitMs, undefined, opts.signal ? { signal: opts.signal } : undefined)
  }
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function parseWith<T>(schema: z.ZodType<T>, text: string, status: number): T {
  const parsed = schema.safeParse(safeJson(text))
  if (!parsed.success) throw new EventsApiError(`the events API answered ${status} with an unexpected body: ${text.slice(0, 300)}`)
  return parsed.data
}
