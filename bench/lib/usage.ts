// `--help` of a benchmark: the opening comment of its main file, which says what it runs and
// lists its options, printed as text.
import { readFileSync } from 'node:fs'

export function printUsageAndExit(mainFile: string): never {
  const opening = readFileSync(mainFile, 'utf8').split(/\nimport /)[0]!
  console.log(opening.replace(/^\/\/ ?/gm, ''))
  process.exit(0)
}
