// The address policy fails closed: only WEBHOOK_ALLOW_LOOPBACK or a raw NODE_ENV of 'test' opens
// loopback and plain http; an unset NODE_ENV (the worker in production) does not.
import { expect, test, vi } from 'vitest'
import { urlPolicyFor, webhookUrlPolicy } from './url-policy-env'

const strict = { requireHttps: true, allowLoopback: false }
const relaxed = { requireHttps: false, allowLoopback: true }

test.each([
  [undefined, false, strict],
  ['production', false, strict],
  ['development', false, strict],
  ['', false, strict],
  ['test', false, relaxed],
  [undefined, true, relaxed],
  ['production', true, relaxed],
  ['development', true, relaxed],
])('NODE_ENV %j with WEBHOOK_ALLOW_LOOPBACK %s', (rawNodeEnv, allowLoopback, policy) => {
  expect(urlPolicyFor({ rawNodeEnv, allowLoopback })).toEqual(policy)
})

test('the process policy reads the raw NODE_ENV: unset, as the worker runs in production, it is strict', () => {
  try {
    vi.stubEnv('NODE_ENV', undefined)
    expect(webhookUrlPolicy()).toEqual(strict)
    vi.stubEnv('NODE_ENV', 'test')
    expect(webhookUrlPolicy()).toEqual(relaxed)
  } finally {
    vi.unstubAllEnvs()
  }
})
