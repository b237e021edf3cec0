// The fingerprint that tells a retried event (same id, same content: a duplicate) from an id
// reused for something else (a 409). Taken over the PARSED event: zod's output lists an object's
// keys in the schema's order and drops unknown keys, so key order, extra fields and whitespace in
// the request change nothing, and two spellings of one instant (…+01:00 and …Z) are one instant.
import { createHash } from 'node:crypto'
import type { WarehouseEvent } from './event-schema'

export function payloadHash(event: WarehouseEvent): string {
  const canonical = JSON.stringify([event.type, new Date(event.occurredAt).toISOString(), event.data])
  return createHash('sha256').update(canonical).digest('hex')
}
