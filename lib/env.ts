// Process environment, parsed once at boot so that a missing or malformed
// variable fails loudly at start rather than deep inside a request.
import { z } from 'zod'
import { parseTokenKeys } from '@/lib/crypto/token-keys'

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

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url(),
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
   * How many proxies we run in front of the app, each appending to X-Forwarded-For: the client is
   * the entry that many from the right. 0 = reached directly (docs/decisions/0006).
   */
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
}).refine((e) => e.TOKEN_ENCRYPTION_KEYS || e.TOKEN_ENCRYPTION_KEY, {
  path: ['TOKEN_ENCRYPTION_KEYS'],
  message: 'set TOKEN_ENCRYPTION_KEYS (kid:base64,… newest first) or TOKEN_ENCRYPTION_KEY (one base64 key)',
})

export type Env = z.infer<typeof EnvSchema>

let cached: Env | undefined

export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env)
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
      throw new Error(`Invalid environment:\n${lines.join('\n')}`)
    }
    cached = parsed.data
  }
  return cached
}
