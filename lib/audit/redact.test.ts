import { expect, test } from 'vitest'
import { REDACTED, redactSecrets } from './redact'

test('secrets are replaced at any depth, everything else kept', () => {
  expect(
    redactSecrets({ name: 'ERP', token: 'abc', nested: [{ webhookSecret: 'whsec_x', url: 'https://x' }], at: new Date('2026-01-02T03:04:05Z'), n: 10n, gone: undefined }),
  ).toEqual({ name: 'ERP', token: REDACTED, nested: [{ webhookSecret: REDACTED, url: 'https://x' }], at: '2026-01-02T03:04:05.000Z', n: '10' })
  expect(redactSecrets({ bmTokenHint: 'a1b2' })).toEqual({ bmTokenHint: REDACTED })
})

test('a lone surrogate, which jsonb refuses, becomes U+FFFD; pairs (emoji) stay', () => {
  expect(redactSecrets({ phone: 'ŋ😻\udd75', city: '\ud83dParis' })).toEqual({ phone: 'ŋ😻\ufffd', city: '\ufffdParis' })
})

test('a NUL, which jsonb refuses too, becomes U+FFFD', () => {
  expect(redactSecrets({ message: 'bad\u0000answer', list: ['\u0000'] })).toEqual({ message: 'bad\ufffdanswer', list: ['\ufffd'] })
})
