// The id a session is shown under in the list of one's sessions. Session.id is the SHA-256 of the
// cookie; it is not handed out as is (hashing it once more costs nothing and keeps the stored
// key out of every answer).
import { createHash } from 'node:crypto'

export function sessionPublicId(sessionId: string): string {
  return createHash('sha256').update(`session:${sessionId}`).digest('hex').slice(0, 32)
}
