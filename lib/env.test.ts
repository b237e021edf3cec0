import { expect, test } from 'vitest'
import { parseEnv } from '@/lib/env'

const valid = {
  DATABASE_URL: 'postgresql://u@127.0.0.1:5432/db',
  BACKMARKET_API_URL: 'http://127.0.0.1:4010',
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
}

test('numbers have their defaults when unset', () => {
  expect(parseEnv(valid)).toMatchObject({ SYNC_CONCURRENCY: 8, DB_POOL_MAX: 10, SERVICE_NAME: 'app' })
  expect(parseEnv({ ...valid, SYNC_CONCURRENCY: '3', DB_POOL_MAX: '25' })).toMatchObject({ SYNC_CONCURRENCY: 3, DB_POOL_MAX: 25 })
})

test.each([
  ['SYNC_CONCURRENCY', '8x'],
  ['SYNC_CONCURRENCY', '0'],
  ['SYNC_CONCURRENCY', '2.5'],
  ['DB_POOL_MAX', 'ten'],
  ['LOG_LEVEL', 'verbose'],
])('%s=%s is refused with the variable named', (name, value) => {
  expect(() => parseEnv({ ...valid, [name]: value })).toThrow(new RegExp(`Invalid environment:\\n  ${name}: `))
})

test('production with SMTP needs APP_URL (emailed links must not follow a request’s Host); elsewhere it is optional', () => {
  const mail = { ...valid, SMTP_URL: 'smtp://127.0.0.1:2525' }
  expect(() => parseEnv({ ...mail, NODE_ENV: 'production' })).toThrow(/Invalid environment:\n {2}APP_URL: must be set in production when SMTP_URL is/)
  expect(parseEnv({ ...mail, NODE_ENV: 'production', APP_URL: 'https://ops.example' })).toMatchObject({ APP_URL: 'https://ops.example' })
  expect(parseEnv({ ...mail, NODE_ENV: 'development' })).toMatchObject({ SMTP_URL: 'smtp://127.0.0.1:2525' })
  expect(parseEnv({ ...valid, NODE_ENV: 'production' })).toMatchObject({ NODE_ENV: 'production' })
})
