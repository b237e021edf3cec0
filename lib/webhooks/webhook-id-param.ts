// An endpoint or delivery id from a route's path: anything but a uuid is simply not found (a
// malformed id must be a 404, never a database error).
import { z } from 'zod'
import { AppError } from '@/lib/errors'

export function webhookIdParam(id: string, notFound = 'Webhook endpoint not found'): string {
  if (!z.uuid().safeParse(id).success) throw new AppError('not_found', { userMessage: notFound })
  return id
}
