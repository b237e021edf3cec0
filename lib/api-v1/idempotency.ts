// Idempotency-Key for /api/v1 writes (op.idempotent): the first request with a key claims it
// (a unique row per API key and Idempotency-Key, so two concurrent first uses cannot both run),
// its answer is stored, and the same key again replays that answer. The same key with another
// method, path or body is a 409, as is a key whose first request is still running (for at most
// IDEMPOTENCY_LEASE_MS: then a retry takes the claim over). A failed request (an error answer)
// releases its key: it changed nothing, so the client may retry it. Keys are remembered for 24 hours.
import 'server-only'
import { createHash } from 'node:crypto'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'

export const IDEMPOTENCY_HEADER = 'idempotency-key'
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000
/**
 * How long a claim may stay in flight before a retry may take it over. Far above any request we
 * serve (the events batch, the largest, takes well under a second), so a live first request is
 * not run twice; short enough that a crash between the handler's commit and storing its answer
 * costs the client a minute of 409s, not the key's 24 hours.
 */
export const IDEMPOTENCY_LEASE_MS = 60 * 1000
/** `status` of a claimed key whose request has not answered yet. */
const IN_FLIGHT = 0

export type StoredAnswer = { status: number; body: unknown; headers?: Record<string, string> }
export type IdempotencyClaim = { kind: 'claimed'; id: string } | { kind: 'replay'; answer: StoredAnswer }

/** The header's value, or null when absent; 400 naming the header when it is not 1-255 visible ASCII characters. */
export function readIdempotencyKey(headers: Headers): string | null {
  const value = headers.get(IDEMPOTENCY_HEADER)
  if (value === null) return null
  if (!/^[\x21-\x7e]{1,255}$/.test(value)) {
    throw new AppError('bad_request', {
      userMessage: 'Invalid Idempotency-Key: 1 to 255 visible ASCII characters.',
      fields: { 'idempotency-key': ['1 to 255 visible ASCII characters'] },
    })
  }
  return value
}

export function requestHash(method: string, url: string, body: string): string {
  const { pathname, search } = new URL(url)
  return createHash('sha256').update(`${method.toUpperCase()}\n${pathname}${search}\n${body}`).digest('hex')
}

export async function claimIdempotencyKey(opts: { apiKeyId: string; key: string; requestHash: string }, now = new Date()): Promise<IdempotencyClaim> {
  // The key's own expired answers go as it makes new ones: the table holds about a day of writes per key.
  await db.apiIdempotencyKey.deleteMany({ where: { apiKeyId: opts.apiKeyId, createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } } })
  for (let round = 0; round < 2; round++) {
    const { count } = await db.apiIdempotencyKey.createMany({
      data: [{ apiKeyId: opts.apiKeyId, key: opts.key, requestHash: opts.requestHash, status: IN_FLIGHT, response: {} }],
      skipDuplicates: true,
    })
    const row = await db.apiIdempotencyKey.findUnique({ where: { apiKeyId_key: { apiKeyId: opts.apiKeyId, key: opts.key } } })
    if (!row) continue // released between our insert and read: claim again
    if (count === 1) return { kind: 'claimed', id: row.id }
    if (row.requestHash !== opts.requestHash) {
      throw new AppError('conflict', {
        userMessage: 'This Idempotency-Key was already used for a different request (another method, path or body).',
        fields: { 'idempotency-key': ['already used for a different request'] },
      })
    }
    if (row.status === IN_FLIGHT) {
      // A claim older than the lease is a request that died before storing its answer: the retry
      // takes it over (compare-and-set on the claim time, so one retry wins) and runs the handler
      // again. Safe because the operations are idempotent themselves: a re-sync joins the task
      // the first run queued, warehouse events are recorded once by their ids.
      if (now.getTime() - row.createdAt.getTime() > IDEMPOTENCY_LEASE_MS) {
        const { count: taken } = await db.apiIdempotencyKey.updateMany({ where: { id: row.id, status: IN_FLIGHT, createdAt: row.createdAt }, data: { createdAt: now } })
        if (taken === 1) return { kind: 'claimed', id: row.id }
      }
      throw new AppError('conflict', {
        userMessage: 'The first request with this Idempotency-Key is still being processed; retry shortly.',
        fields: { 'idempotency-key': ['first request still in progress'] },
      })
    }
    return { kind: 'replay', answer: row.response as unknown as StoredAnswer }
  }
  throw new AppError('conflict', { userMessage: 'This Idempotency-Key is being used by concurrent requests; retry shortly.', fields: { 'idempotency-key': ['in use'] } })
}

export async function completeIdempotencyKey(id: string, answer: StoredAnswer): Promise<void> {
  const stored = JSON.parse(JSON.stringify(answer)) as Prisma.InputJsonValue
  await db.apiIdempotencyKey.update({ where: { id }, data: { status: answer.status, response: stored } })
}

export async function releaseIdempotencyKey(id: string): Promise<void> {
  await db.apiIdempotencyKey.deleteMany({ where: { id, status: IN_FLIGHT } })
}
