// One structured logger for the app, the worker and the sandbox (pino: JSON lines, cheap).
import pino from 'pino'

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: process.env.SERVICE_NAME ?? 'app' },
  redact: ['token', '*.token', 'authorization', '*.authorization', 'password', '*.password'],
})
