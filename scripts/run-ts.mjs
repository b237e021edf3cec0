#!/usr/bin/env node
// `node scripts/run-ts.mjs <file.ts> [args…]`: runs a TypeScript entry point with tsx, in an
// environment whose temporary folder is writable (scripts/writable-tmp.mjs says why). Ctrl-C
// reaches the child through the terminal's process group, so SIGINT is only waited out here;
// a SIGTERM or SIGHUP sent to this wrapper alone is passed on.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { withWritableTmp } from './writable-tmp.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')
const child = spawn(process.execPath, [tsx, ...process.argv.slice(2)], { stdio: 'inherit', env: withWritableTmp(process.env, root) })
process.on('SIGINT', () => {})
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
