import { expect, test } from 'vitest'
import { BackMarketTokenSchema } from '@/lib/sync/connection/connection-input'
import enMessages from '@/messages/en/bmConnection.json'
import frMessages from '@/messages/fr/bmConnection.json'
import { tokenIssueKey } from './token-issue'

const keyOf = (token: string) => {
  const r = BackMarketTokenSchema.safeParse(token)
  return r.success ? null : tokenIssueKey(r.error.issues[0]?.code)
}

test('each way a token can be refused has its own text, in both languages', () => {
  expect(keyOf('short')).toBe('tooShort')
  expect(keyOf('x'.repeat(1001))).toBe('tooLong')
  expect(keyOf('has a space inside')).toBe('chars')
  expect(keyOf('tökenwithaccent')).toBe('chars')
  for (const key of ['tooShort', 'tooLong', 'chars'] as const) {
    expect(enMessages.form.tokenInvalid[key]).toMatch(/\w/)
    expect(frMessages.form.tokenInvalid[key]).toMatch(/\w/)
  }
})
