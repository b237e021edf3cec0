// Process environment, parsed once at boot so that a missing or malformed
// variable fails loudly at start rather than deep inside a request. Every variable the app, the
// worker and the scripts read is here (README, "Environment"); NODE_ENV alone is also read directly
// where Next inlines it at build time (the proxy, code that runs in the browser).
import { z } from 'zod'
import { parseTokenKeys } from '@/lib/env/token-keys'

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')

function tokenKeysValid(keys: string, ctx: z.RefinementCtx) {
  try {
    parseTokenKeys({ keys })
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message })
  }
}

/** A positive whole number, as a variable holds it ("8"); "8x" or "" is refused rather than read as NaN. */
const count = (max: number) =>
  z.coerce.number({ error: `must be a whole number from 1 to ${max}` }).int(`must be a whole number from 1 to ${max}`).min(1).max(max)

/** What the logger needs: it is imported by processes that have no database (the sandbox's tests, scripts). */
const LogEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** pino level; unset = `info`, or `silent` under tests. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** Names the process in every log line (`worker`, `sandbox`, …). */
  SERVICE_NAME: z.string().min(1).default('app'),
})

/**
 * Outgoing mail (lib/mail). Without SMTP_URL nothing is sent: invitation and reset links are shown
 * to the admin to copy, which is all a lab or a demo needs.
 */
export const MailEnvSchema = z.object({
  /** smtp://user:pass@host:587 or smtps://…:465; unset = no email. */
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:$/.test(new URL(v).protocol), 'must start with smtp:// or smtps://')
    .optional(),
  /** The From of every email. */
  MAIL_FROM: z.string().min(3).default('Fulfilment Dashboard <no-reply@fulfilment.example>'),
  /**
   * The site's public address, used in links sent by email when no request says where the site is
   * (e.g. behind a proxy that rewrites Host). Unset = the request's own origin.
   */
  APP_URL: z.string().url().optional(),
})

/**
 * Emailed links in production point at APP_URL only: a link built from the request's Host could be
 * steered by whoever sends the request (Host or X-Forwarded-Host) to a site that harvests tokens.
 */
function appUrlSetForMail(e: { NODE_ENV?: string; SMTP_URL?: string; APP_URL?: string }): boolean {
  return !(e.NODE_ENV === 'production' && e.SMTP_URL && !e.APP_URL)
}
const APP_URL_FOR_MAIL = { path: ['APP_URL'], message: 'must be set in production when SMTP_URL is (the public address emailed links point to)' }

const EnvSchema = LogEnvSchema.extend(MailEnvSchema.shape).extend({
  DATABASE_URL: z.string().url(),
  /** Connections in this process's PostgreSQL pool. */
  DB_POOL_MAX: count(1000).default(10),
  /** Sync jobs one worker process runs at once; the shared rate limit keeps the total in check. */
  SYNC_CONCURRENCY: count(1000).default(8),
  /** Keys for the merchants' Back Market tokens at rest (AES-256-GCM), `kid:base64,…` newest first. */
  TOKEN_ENCRYPTION_KEYS: z.string().superRefine(tokenKeysValid).optional(),
  /** A single key (the older variable): the same as `TOKEN_ENCRYPTION_KEYS=default:<key>`. */
  TOKEN_ENCRYPTION_KEY: base64Key.optional(),
  /** Back Market Seller API base URL; the sandbox in development and tests. */
  BACKMARKET_API_URL: z.string().url(),
  /** Sent in every Back Market User-Agent: BM-<company>-<integration>;<email>. */
  BACKMARKET_USER_AGENT: z
    .string()
    .regex(/^BM-.+-.+;.+@.+$/, 'must look like BM-<Company>-<Integration>;<contact email>')
    .default('BM-Fulfilment-Dashboard;integrations@example.com'),
  /** How long one Back Market call may take before it counts as a timeout (and is retried). */
  BACKMARKET_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /**
   * The window of Back Market's 2,000 SKU lines per hour, in ms. Only `npm run bench:events` shortens
   * it (the limit then holds per shortened "hour"), to drain 2,000 SKUs in minutes, not hours.
   */
  BACKMARKET_SKU_LINE_WINDOW_MS: z.coerce.number().int().min(10_000).max(3_600_000).default(3_600_000),
  /**
   * How many proxies we run in front of the app, each appending to X-Forwarded-For: the client is
   * the entry that many from the right. 0 = reached directly (docs/decisions/0006).
   */
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  /** /api/v1 requests one warehouse key may make per minute (docs/decisions/0009-api-keys.md). */
  API_RATE_LIMIT_WAREHOUSE_PER_MINUTE: count(1_000_000).default(600),
  /** /api/v1 requests one merchant key may make per minute. */
  API_RATE_LIMIT_MERCHANT_PER_MINUTE: count(1_000_000).default(120),
  /** Lets webhook endpoints on loopback be called in production too (never needed outside a lab). */
  WEBHOOK_ALLOW_LOOPBACK: z.stringbool().default(false),
}).refine((e) => e.TOKEN_ENCRYPTION_KEYS || e.TOKEN_ENCRYPTION_KEY, {
  path: ['TOKEN_ENCRYPTION_KEYS'],
  message: 'set TOKEN_ENCRYPTION_KEYS (kid:base64,… newest first) or TOKEN_ENCRYPTION_KEY (one base64 key)',
}).refine(appUrlSetForMail, APP_URL_FOR_MAIL)

export type Env = z.infer<typeof EnvSchema>
export type LogEnv = z.infer<typeof LogEnvSchema>
export type MailEnv = z.infer<typeof MailEnvSchema>

function parse<T>(schema: z.ZodType<T>, source: Record<string, string | undefined>): T {
  const parsed = schema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  return parsed.data
}

/** The whole environment of `source`, or an error naming each bad variable (exported for its test). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return parse(EnvSchema, source)
}

let cached: Env | undefined

export function env(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

/**
 * The mail part, read afresh on each call: cheap, and a test that starts its own SMTP server sets
 * SMTP_URL after the rest of the environment was parsed and cached.
 */
export function mailEnv(): MailEnv {
  return parse(MailEnvSchema.extend({ NODE_ENV: LogEnvSchema.shape.NODE_ENV }).refine(appUrlSetForMail, APP_URL_FOR_MAIL), process.env)
}

/** The logger's part only, so that importing lib/log needs no database URL or token keys. */
export function logEnv(): LogEnv {
  return parse(LogEnvSchema, process.env)
}
