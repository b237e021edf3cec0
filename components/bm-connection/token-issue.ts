// The token field's error in the reader's language: zod's issue code for BackMarketTokenSchema
// (lib/sync/connection/connection-input.ts) mapped to a bmConnection.form.tokenInvalid text, never
// zod's English message.
export type TokenIssueKey = 'tooShort' | 'tooLong' | 'chars'

export function tokenIssueKey(code: string | undefined): TokenIssueKey {
  if (code === 'too_small') return 'tooShort'
  if (code === 'too_big') return 'tooLong'
  // The pattern (printable ASCII, no spaces), or anything else the schema may say.
  return 'chars'
}
