// Every "docs/backmarket.md §x.y" cited in the code and the docs names a section the document has,
// and nothing cites the notes it was written from (they are outside the repository).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const SKIP = /^(node_modules|\.next|\.data|\.git|tmp|test-results|lib\/generated)(\/|$)/
const TEXT = /\.(ts|tsx|mts|mjs|js|md)$/

function sourceFiles(): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => TEXT.test(f) && !SKIP.test(f) && f !== 'test/backmarket-citations.test.ts')
    .sort()
}

/** `### 1.6 State machine` → `1.6`. */
function sections(doc: string): Set<string> {
  return new Set([...doc.matchAll(/^###\s+(\d+\.\d+)\s/gm)].map((m) => m[1]!))
}

/** Each problem as `file:line: what`. A `§` is ours unless the line names an RFC. */
function citationProblems(files: { name: string; text: string }[], known: Set<string>): string[] {
  const problems: string[] = []
  for (const { name, text } of files) {
    text.split('\n').forEach((line, i) => {
      const at = `${name}:${i + 1}`
      if (/notes(\.md)? §|notes Part|notes\.md|shared\/backmarket/.test(line)) problems.push(`${at}: cites the notes outside the repository`)
      if (!line.includes('§') || /RFC \d+ §/.test(line)) return
      const inDoc = name === 'docs/backmarket.md'
      if (!inDoc && !line.includes('docs/backmarket.md §')) problems.push(`${at}: a § without docs/backmarket.md`)
      for (const [, section] of line.matchAll(/§(\d+(?:\.\d+)?)/g)) {
        if (!known.has(section!)) problems.push(`${at}: §${section} is not a section of docs/backmarket.md`)
      }
    })
  }
  return problems
}

test('every citation of docs/backmarket.md resolves to one of its sections', () => {
  const known = sections(readFileSync(path.join(root, 'docs/backmarket.md'), 'utf8'))
  const files = sourceFiles().map((name) => ({ name, text: readFileSync(path.join(root, name), 'utf8') }))
  const cited = files.filter((f) => f.text.includes('docs/backmarket.md §'))
  expect(cited.length).toBeGreaterThan(40)
  expect(citationProblems(files, known)).toEqual([])
})

test('a missing section, a bare § and a citation of the old notes are each reported', () => {
  const known = new Set(['1.6'])
  const files = [
    { name: 'lib/a.ts', text: '// ok (docs/backmarket.md §1.6)\n// gone (docs/backmarket.md §1.6, §9.9)' },
    { name: 'lib/b.ts', text: '// bare §1.6\n// old (notes §1.6)\n// Retry-After (RFC 9110 §10.2.3)' },
  ]
  expect(citationProblems(files, known)).toEqual([
    'lib/a.ts:2: §9.9 is not a section of docs/backmarket.md',
    'lib/b.ts:1: a § without docs/backmarket.md',
    'lib/b.ts:2: cites the notes outside the repository',
    'lib/b.ts:2: a § without docs/backmarket.md',
  ])
})
