import { expect, test } from 'vitest'
import { BackMarketError } from '@/lib/backmarket/errors'
import { importErrorColumn, parseImportError } from './import-error'

test('an import error is kept as a code and an HTTP status, never its raw message', () => {
  expect(importErrorColumn(new BackMarketError('unauthorized', 'Invalid credentials', { status: 401 }))).toBe('unauthorized:401')
  expect(importErrorColumn(new BackMarketError('network', 'connect ECONNREFUSED 127.0.0.1:9'))).toBe('network')
  expect(importErrorColumn(new Error('ECONNREFUSED'))).toBe('internal')
})

test('read back: the code and status; an old English message or junk is unknown', () => {
  expect(parseImportError('server:503')).toEqual({ code: 'server', status: 503 })
  expect(parseImportError('timeout')).toEqual({ code: 'timeout', status: null })
  expect(parseImportError('connect ECONNREFUSED 127.0.0.1:5432')).toEqual({ code: 'unknown', status: null })
  expect(parseImportError('constructor')).toEqual({ code: 'unknown', status: null })
  expect(parseImportError(null)).toEqual({ code: 'unknown', status: null })
})

test('every code has its text in both languages (Settings → Back Market renders it, never the raw message)', async () => {
  const { IMPORT_ERROR_CODES } = await import('./import-error')
  const en = (await import('@/messages/en/bmConnection.json')).default.imports.errors as Record<string, string>
  const fr = (await import('@/messages/fr/bmConnection.json')).default.imports.errors as Record<string, string>
  for (const code of IMPORT_ERROR_CODES) {
    expect(en[code], code).toMatch(/\w/)
    expect(fr[code], code).toMatch(/\w/)
  }
})
