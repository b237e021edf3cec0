import { expect, test } from 'vitest'
import { auditUrl } from './audit-url'

test('the audit keeps origin and path; secret-looking query values and user info are dropped', () => {
  expect(auditUrl('https://hooks.example.com/in/bm?token=abc123&shop=fr')).toBe('https://hooks.example.com/in/bm?token=[redacted]&shop=fr')
  expect(auditUrl('https://user:pw@hooks.example.com:8443/x?Signature=s&api_key=k#frag')).toBe('https://hooks.example.com:8443/x?Signature=[redacted]&api_key=[redacted]')
  expect(auditUrl('https://hooks.example.com/plain')).toBe('https://hooks.example.com/plain')
  expect(auditUrl('not a url')).toBe('[redacted]')
})
