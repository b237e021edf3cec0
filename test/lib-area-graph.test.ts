// No two lib/ areas depend on each other, directly or around a loop. An area is the first folder
// under lib/ or a top-level lib file (lib/db.ts and lib/db/ are both "db"). Every import counts,
// types included; tests do not (an integration test may drive several areas), nor the generated
// Prisma client.
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { expect, test } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const lib = path.join(root, 'lib')

type Edge = { from: string; to: string; file: string; specifier: string }

function areaOf(file: string): string | null {
  const rel = path.relative(lib, file)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null
  return rel.split(path.sep)[0]!.replace(/\.(ts|tsx)$/, '')
}

function libAreaEdges(): Edge[] {
  const files = fs
    .readdirSync(lib, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith(`generated${path.sep}`))
  return files.flatMap((f) => {
    const file = path.join(lib, f)
    const from = areaOf(file)!
    return ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.flatMap(({ fileName: specifier }) => {
      const target = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : null
      const to = target && areaOf(target)
      return to && to !== from ? [{ from, to, file: path.relative(root, file), specifier }] : []
    })
  })
}

/** The first loop found (areas in order, the first repeated at the end), or null. */
export function findCycle(edges: readonly Pick<Edge, 'from' | 'to'>[]): string[] | null {
  const next = new Map<string, string[]>()
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to])
  const done = new Set<string>()
  const path: string[] = []
  const visit = (area: string): string[] | null => {
    const at = path.indexOf(area)
    if (at >= 0) return [...path.slice(at), area]
    if (done.has(area)) return null
    path.push(area)
    for (const to of [...new Set(next.get(area))].sort()) {
      const cycle = visit(to)
      if (cycle) return cycle
    }
    path.pop()
    done.add(area)
    return null
  }
  for (const area of [...next.keys()].sort()) {
    const cycle = visit(area)
    if (cycle) return cycle
  }
  return null
}

test('the finder reports a loop, and none in a chain', () => {
  expect(findCycle([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }])).toEqual(['a', 'b', 'c', 'a'])
  expect(findCycle([{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }])).toEqual(['a', 'b', 'a'])
  expect(findCycle([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'a', to: 'c' }])).toBeNull()
})

test('the graph is read from the files: lib/sync reaches lib/backmarket and lib/db', () => {
  const edges = libAreaEdges()
  expect(edges).toContainEqual(expect.objectContaining({ from: 'sync', to: 'backmarket' }))
  expect(edges).toContainEqual(expect.objectContaining({ from: 'sync', to: 'db' }))
})

test('the lib/ areas import one another without a cycle', () => {
  const edges = libAreaEdges()
  const cycle = findCycle(edges)
  const explain = (cycle ?? []).slice(1).map((to, i) => {
    const from = cycle![i]!
    const why = edges.filter((e) => e.from === from && e.to === to).map((e) => `${e.file} imports ${e.specifier}`)
    return `${from} → ${to}: ${why.join('; ')}`
  })
  expect(explain, `lib/ areas in a cycle: ${cycle?.join(' → ')}`).toEqual([])
})
