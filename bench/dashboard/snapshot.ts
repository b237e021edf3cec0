// The app as bench:dashboard builds and runs it: a copy of the working tree (or of HEAD) in a
// temp dir, so that a build or an edit by someone else in the repo during the run changes nothing
// under test.
import { execFileSync } from 'node:child_process'
import { cpSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../lib/procs'

function git(...a: string[]): string {
  return execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim()
}

/**
 * The app as it will run: tracked and untracked (not ignored) files of the working tree, or HEAD's
 * tree with --head (`head`); bench/ is left out (others' work in progress must not fail our build), and the
 * generated Prisma client is copied. node_modules is a hard-linked copy: Turbopack refuses a
 * symlink that leaves the project root, and hard links cost seconds, not a gigabyte.
 */
export function makeSnapshot(dir: string, head: boolean): { commit: string; dirty: string[]; source: string } {
  mkdirSync(dir, { recursive: true })
  const commit = git('rev-parse', 'HEAD')
  const dirty = git('status', '--porcelain', '--untracked-files=all')
    .split('\n')
    .filter((l) => l && !l.slice(3).startsWith('bench/'))
  if (head) {
    // The generated Prisma client is the working tree's (it is git-ignored): it must match HEAD's schema.
    if (git('status', '--porcelain', '--', 'prisma/schema.prisma')) throw new Error('--head: prisma/schema.prisma differs from HEAD, so lib/generated does not match HEAD')
    execFileSync('sh', ['-c', `git archive --format=tar HEAD | tar -x -C "${dir}"`], { cwd: ROOT })
    rmSync(path.join(dir, 'bench'), { recursive: true, force: true })
  } else {
    const files = git('ls-files', '-z', '-c', '-o', '--exclude-standard')
      .split('\0')
      .filter((f) => f && !f.startsWith('bench/'))
    for (const f of files) {
      try {
        cpSync(path.join(ROOT, f), path.join(dir, f))
      } catch (err) {
        // Listed by git but deleted in the working tree (a pending removal): not part of the app.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      }
    }
  }
  cpSync(path.join(ROOT, 'lib/generated'), path.join(dir, 'lib/generated'), { recursive: true })
  hardLinkTree(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'))
  return { commit, dirty: head ? [] : dirty, source: head ? 'HEAD' : 'the working tree' }
}

function hardLinkTree(from: string, to: string): void {
  execFileSync('cp', ['-al', from, to])
}

export function copyBenchInto(dir: string): void {
  const dest = path.join(dir, 'bench/dashboard')
  mkdirSync(dest, { recursive: true })
  for (const f of readdirSync(path.join(ROOT, 'bench/dashboard'))) {
    if (f.endsWith('.ts')) linkSync(path.join(ROOT, 'bench/dashboard', f), path.join(dest, f))
  }
}
