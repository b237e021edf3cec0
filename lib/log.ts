// One structured logger for the app, the worker and the sandbox (pino: JSON lines, cheap).
import pino from 'pino'
import { logEnv } from '@/lib/env'

const { LOG_LEVEL, NODE_ENV, SERVICE_NAME } = logEnv()

export const log = pino({
  level: LOG_LEVEL ?? (NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: SERVICE_NAME },
  redact: ['token', '*.token', 'authorization', '*.authorization', 'password', '*.password'],
})
