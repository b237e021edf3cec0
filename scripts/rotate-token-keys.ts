// `npm run tokens:rotate`: re-encrypts every merchant's Back Market token with the newest key of
// TOKEN_ENCRYPTION_KEYS (the first listed). Prints counts and merchant ids, never a token.
// Exit code 1 when some token could not be rotated (unreadable, or changed meanwhile: run again).
import { rotateTokenKeys } from '@/lib/crypto/rotate-token-keys'
import { db } from '@/lib/db'

try {
  const r = await rotateTokenKeys()
  console.log(`Token keys: newest is "${r.keyId}"`)
  console.log(`  merchants:         ${r.merchants}`)
  console.log(`  re-encrypted:      ${r.rotated}`)
  console.log(`  already current:   ${r.alreadyCurrent}`)
  console.log(`  changed meanwhile: ${r.changedMeanwhile}${r.changedMeanwhile ? ' (run again to rotate them)' : ''}`)
  console.log(`  unreadable:        ${r.unreadable.length}${r.unreadable.length ? ` (no configured key opens them: ${r.unreadable.join(', ')})` : ''}`)
  process.exitCode = r.unreadable.length || r.changedMeanwhile ? 1 : 0
} catch (err) {
  // The configuration's own message (which names no key material), not a stack trace.
  console.error(`tokens:rotate failed: ${(err as Error).message}`)
  process.exitCode = 1
} finally {
  await db.$disconnect()
}
