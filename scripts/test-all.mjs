#!/usr/bin/env node
// `npm test`: every check, in the order that fails fastest — types, lint, schema drift, Vitest
// (unit + integration on a real PostgreSQL), the production build, then the browser stories.
// Prints each step's time and, last, one line with the total of tests passed and failed.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { withWritableTmp } from './writable-tmp.mjs'

const node = process.execPath
const steps = [
  ['types', [node, 'node_modules/typescript/bin/tsc', '--noEmit']],
  ['lint', [node, 'node_modules/eslint/bin/eslint.js', '.', '--max-warnings=0']],
  ['schema drift', [node, 'node_modules/tsx/dist/cli.mjs', 'scripts/check-drift.ts']],
  ['unit + integration', [node, 'node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']],
  ['build', [node, 'node_modules/next/dist/bin/next', 'build']],
  ['browser', [node, 'node_modules/@playwright/test/cli.js', 'test']],
]

rmSync('test-results', { recursive: true, force: true })
const times = []
let failedStep = null
for (const [name, [cmd, ...args]] of steps) {
  const t = Date.now()
  console.log(`\n▶ ${name}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...withWritableTmp(), CHECKPOINT_DISABLE: '1', NEXT_TELEMETRY_DISABLED: '1' } })
  times.push(`${name} ${((Date.now() - t) / 1000).toFixed(1)}s`)
  // The exit code alone is not trusted (an exit hook in a runner's process once turned a failed
  // run into 0): the runners' JSON reports are the record of what failed.
  if (r.status !== 0 || counts().failed > 0) {
    failedStep = name
    break
  }
}

function counts() {
  let passed = 0
  let failed = 0
  if (existsSync('test-results/vitest.json')) {
    const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'))
    passed += v.numPassedTests
    failed += v.numFailedTests
  }
  if (existsSync('test-results/e2e.json')) {
    const p = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'))
    passed += p.stats.expected
    failed += p.stats.unexpected
  }
  return { passed, failed }
}

const { passed, failed } = counts()
console.log(`\n${times.join(' · ')}`)
if (failedStep) console.log(`✗ failed at: ${failedStep}`)
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failedStep ? 1 : 0)
