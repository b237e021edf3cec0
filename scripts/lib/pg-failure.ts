// Why the embedded PostgreSQL could not start, in one line a new user can act on: what went
// wrong and what to do. A stack trace or forty lines of initdb output tell them neither.

/** What is known when a start fails: PostgreSQL's own output, or an error from our side of it. */
export type StartFailure = {
  port: number
  dataDir: string
  /** initdb's or the server's output (stderr), oldest first; may be empty. */
  log: string
  /** A system error from our side: spawning a binary, creating a folder, copying the binaries. */
  error?: { code?: string; path?: string; message: string }
  timedOutAfterSeconds?: number
  /** How the caller's user picks another port or server, e.g. "set DEV_PG_PORT=… or DATABASE_URL=…". */
  portAdvice: string
  /** A kept cluster (dev) may be deleted to start afresh; a throwaway one is gone already. */
  persistent: boolean
  /** `postgres` when we are root and PostgreSQL runs as that system user. */
  runAs?: string
  platform: string
}

/** Thrown by startEmbeddedPostgres: its message is the whole explanation, meant to be printed alone. */
export class PostgresStartError extends Error {
  override name = 'PostgresStartError'
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    // The message is the whole story: runners that print stacks (Vitest) show it alone, and the
    // cause keeps the underlying error for whoever debugs.
    this.stack = `${this.name}: ${message}`
  }
}

const OWN_SERVER = 'or set DATABASE_URL=… to use a PostgreSQL of your own'
const START_AFRESH = 'the demo data is re-seeded'
const orAfresh = (f: StartFailure) => (f.persistent ? `, or delete ${f.dataDir} to start afresh (${START_AFRESH})` : '')

type Rule = (f: StartFailure) => string | undefined

const match = (text: string, re: RegExp) => re.exec(text) ?? undefined

const rules: Rule[] = [
  (f) =>
    f.error?.code === 'ERR_MODULE_NOT_FOUND' || f.error?.code === 'NO_BINARIES'
      ? `there are no embedded PostgreSQL binaries for ${f.platform} here (this project installs them for Linux x64). Run it on Linux x64, ${OWN_SERVER}`
      : undefined,
  (f) =>
    f.error?.code === 'NO_POSTGRES_USER'
      ? `PostgreSQL refuses to run as root, so it runs as the "postgres" system user, and that user could not be created (${f.error.message}). Create it (useradd --system postgres), run as an ordinary user, ${OWN_SERVER}`
      : undefined,
  (f) =>
    f.error?.code === 'UNSAFE_FOLDER'
      ? `${f.error.path} must belong to root and be writable by root alone (${f.error.message}). Remove it (it holds only the embedded PostgreSQL's binaries and data) and retry`
      : undefined,
  (f) => {
    if (/Address already in use/i.test(f.log) || /another postmaster already running on port/i.test(f.log))
      return `port ${f.port} is in use by another process. Stop it, or ${f.portAdvice}`
  },
  (f) => {
    const m = match(f.log, /initialized by PostgreSQL version (\S+?),? which is not compatible with this version (\S+?)\.?\s/)
    if (m || /database files are incompatible with server/.test(f.log))
      return `${f.dataDir} holds data from ${m ? `PostgreSQL ${m[1]}, and this is PostgreSQL ${m[2]}` : 'another PostgreSQL version'}. Delete that folder to start afresh (${START_AFRESH}), ${OWN_SERVER}`
  },
  (f) =>
    f.error?.code === 'ENOSPC' || f.error?.code === 'EDQUOT' || /No space left on device|Disk quota exceeded/i.test(f.log)
      ? `the disk holding ${f.error?.path ?? f.dataDir} is full. Free some space (df -h shows where), then retry`
      : undefined,
  (f) => {
    const m = match(f.log, /Is another postgres \(PID (\d+)\) running in data directory/)
    if (m) return `another PostgreSQL (pid ${m[1]}) is already using ${f.dataDir}. Stop it (kill ${m[1]}), then retry`
  },
  (f) => {
    if (/has wrong ownership|has invalid permissions/.test(f.log))
      return `${f.dataDir} has the wrong owner or permissions for PostgreSQL${f.runAs ? ` (it runs as "${f.runAs}")` : ''}. Delete that folder to start afresh (${START_AFRESH}), ${OWN_SERVER}`
  },
  (f) => {
    const fromLog = match(f.log, /"([^"\n]+)"[^"\n]*: Permission denied/)
    const code = f.error?.code
    if (!fromLog && code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') return undefined
    const who = f.runAs ? `the "${f.runAs}" user PostgreSQL runs as` : 'you'
    // A spawn refused: the binary, or a folder above it, is not executable for that user.
    if (!fromLog && f.error?.message.startsWith('spawn '))
      return `${who} cannot run ${f.error.path} (${code}). Make it and its folders executable for that user, on a file system not mounted noexec, ${OWN_SERVER}`
    const where = fromLog?.[1] ?? f.error?.path ?? f.dataDir
    if (code === 'EROFS') return `${where} is on a read-only file system. Run from a writable folder, ${OWN_SERVER}`
    return `permission denied on ${where}. Make it readable and writable by ${who}${orAfresh(f)}, ${OWN_SERVER}`
  },
  (f) =>
    /could not (create|map|attach to) .*shared memory|could not resize shared memory/i.test(f.log)
      ? `the system refused PostgreSQL its shared memory. Enlarge /dev/shm (docker run --shm-size=256m), ${OWN_SERVER}`
      : undefined,
  (f) =>
    /exists but is not empty/.test(f.log)
      ? `${f.dataDir} exists but is not a PostgreSQL data folder. Move it away or delete it, then retry`
      : undefined,
  (f) =>
    f.timedOutAfterSeconds !== undefined
      ? `it was not ready after ${f.timedOutAfterSeconds} s${lastProblem(f.log) ? ` (last message: ${lastProblem(f.log)})` : ''}. Retry on a less busy machine, ${OWN_SERVER}`
      : undefined,
]

/** The last line PostgreSQL marked as a problem, without its "FATAL:" or "initdb: error:" prefix. */
export function lastProblem(log: string): string | undefined {
  const lines = log.split('\n').filter((l) => /\b(FATAL|PANIC|ERROR)\b|error:/.test(l))
  const last = lines.at(-1)
  return last?.replace(/^.*?\b(FATAL|PANIC|ERROR):\s*|^.*?error:\s*/, '').trim()
}

export function explainStartFailure(f: StartFailure): string {
  for (const rule of rules) {
    const why = rule(f)
    if (why) return `PostgreSQL could not start: ${why}.`
  }
  const why = lastProblem(f.log) ?? f.error?.message ?? 'it stopped without saying why'
  const todo = f.persistent ? `If it persists, delete ${f.dataDir} to start afresh (${START_AFRESH}), ${OWN_SERVER}` : `Data folder: ${f.dataDir}; set DATABASE_URL=… to use a PostgreSQL of your own`
  return `PostgreSQL could not start: ${why.replace(/\.$/, '')}. ${todo}.`
}
