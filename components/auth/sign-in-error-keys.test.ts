import { expect, test } from 'vitest'
import { INVALID_CREDENTIALS_MESSAGE, SignInSchema, TOO_MANY_ATTEMPTS_MESSAGE } from '@/lib/auth/sign-in-schema'
import en from '@/messages/en/auth.json'
import fr from '@/messages/fr/auth.json'
import { SIGN_IN_ERROR_KEYS } from './sign-in-error-keys'

const schemaMessages = [
  { email: '', password: '' },
  { email: 'anna@example.com', password: 'x'.repeat(1025) },
].flatMap((input) => SignInSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [])

test('every text the sign-in action can answer has a translation', () => {
  expect(schemaMessages).toHaveLength(3)
  for (const message of [...schemaMessages, INVALID_CREDENTIALS_MESSAGE, TOO_MANY_ATTEMPTS_MESSAGE]) {
    expect(SIGN_IN_ERROR_KEYS, message).toHaveProperty([message])
  }
})

test('every key the table names exists in both languages', () => {
  const get = (messages: object, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], messages)
  for (const key of Object.values(SIGN_IN_ERROR_KEYS)) {
    expect(get(en, key), key).toEqual(expect.any(String))
    expect(get(fr, key), key).toEqual(expect.any(String))
  }
})
