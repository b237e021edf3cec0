// Some machines leave /tmp unwritable to ordinary users (mode 755). tsx keeps its IPC pipe and
// cache there, and dies with `EACCES mkdir /tmp/tsx-<uid>` before any of our code runs. When the
// system's temporary folder is not ours to write, the project's own `.data/tmp` stands in for it.
import { accessSync, constants, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** The environment to hand to child processes: TMPDIR pointed at a folder this user can write. */
export function withWritableTmp(env = process.env, root = process.cwd()) {
  try {
    accessSync(tmpdir(), constants.W_OK | constants.X_OK)
    return env
  } catch {
    const own = path.join(root, '.data', 'tmp')
    mkdirSync(own, { recursive: true, mode: 0o700 })
    return { ...env, TMPDIR: own }
  }
}
