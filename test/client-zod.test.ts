// The browser parses with zod/mini only. Full zod's object parser probes `new Function` the first
// time it parses, a violation of the pages' strict CSP; zod/mini's objects never compile a parser.
// So no module a 'use client' file reaches, statically or by import(), may import full zod. The walk
// starts from every 'use client' file under app/ and components/, follows our own modules (`@/`,
// relative), skips what the bundler drops (type-only imports) and stops at 'use server' modules
// (the browser gets a reference to the action, not its code).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ts from 'typescript'
import { afterEach, expect, test } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx']

/** Any zod entry point but mini's (and core's or the locales', which build no schema). */
export function isFullZod(specifier: string): boolean {
  if (specifier === 'zod') return true
  return specifier.startsWith('zod/') && !/\/(mini|core|locales)(\/|$)/.test(specifier)
}

type Module = { directives: string[]; imports: string[] }

function isElided(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) return node.isTypeOnly
  const clause = node.importClause
  if (!clause) return false
  if (clause.isTypeOnly) return true
  const named = clause.namedBindings
  // `import { type A, type B } from 'x'` is dropped whole when nothing else is imported.
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)
}

function readModule(file: string): Module {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const directives: string[] = []
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break
    directives.push(statement.expression.text)
  }
  const imports: string[] = []
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!isElided(node)) imports.push(node.moduleSpecifier.text)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [specifier] = node.arguments
      if (specifier && ts.isStringLiteralLike(specifier)) imports.push(specifier.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return { directives, imports }
}

function resolveOwn(base: string, from: string, specifier: string): string | null {
  const target = specifier.startsWith('@/') ? path.join(base, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null
  if (!target) return null
  const file = EXTENSIONS.map((e) => target + e).find((f) => fs.existsSync(f) && fs.statSync(f).isFile())
  return file ?? null
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f))
}

/** Each way a 'use client' module under `base`'s app/ and components/ reaches full zod: the chain of files, then the import. */
export function clientPathsToFullZod(base: string): string[] {
  const modules = new Map<string, Module>()
  const read = (file: string) => modules.get(file) ?? modules.set(file, readModule(file)).get(file)!
  const entries = ['app', 'components']
    .map((d) => path.join(base, d))
    .filter((d) => fs.existsSync(d))
    .flatMap(sourceFiles)
    .filter((f) => read(f).directives.includes('use client'))
    .sort()
  const found: string[] = []
  const seen = new Set<string>()
  const walk = (file: string, chain: string[]): void => {
    if (seen.has(file)) return
    seen.add(file)
    const here = [...chain, path.relative(base, file)]
    for (const specifier of read(file).imports) {
      if (isFullZod(specifier)) found.push(`${here.join(' → ')} imports '${specifier}'`)
      const next = resolveOwn(base, file, specifier)
      if (next && !read(next).directives.includes('use server')) walk(next, here)
    }
  }
  for (const entry of entries) walk(entry, [])
  return found
}

const scratch: string[] = []
afterEach(() => {
  for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-zod-'))
  scratch.push(dir)
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}

test('full zod is every zod entry point but mini, core and the locales', () => {
  expect(['zod', 'zod/v4', 'zod/v3', 'zod/v4/classic'].filter(isFullZod)).toEqual(['zod', 'zod/v4', 'zod/v3', 'zod/v4/classic'])
  expect(['zod/mini', 'zod/v4/mini', 'zod/v4/core', 'zod/v4/locales', 'zod-form', 'react'].filter(isFullZod)).toEqual([])
})

test('the walk finds full zod behind a client module, statically or by import(), and nowhere else', () => {
  const base = tree({
    'components/form.tsx': `'use client'\nimport { rule } from '@/lib/rule'\nimport type { Z } from '@/lib/typed'\n`,
    'components/lazy.tsx': `"use client"\nexport const load = () => import('../lib/lazy')\n`,
    'components/server-only.tsx': `import { z } from 'zod'\n`,
    'components/action-form.tsx': `'use client'\nimport { act } from '@/lib/action'\n`,
    'lib/rule.ts': `export * from './schema'\n`,
    'lib/schema.ts': `import { z } from 'zod'\nimport * as m from 'zod/mini'\n`,
    'lib/typed.ts': `import { z } from 'zod/v4'\nexport type Z = z.ZodType\n`,
    'lib/lazy.ts': `export { z } from 'zod'\n`,
    'lib/action.ts': `'use server'\nimport { z } from 'zod'\n`,
  })
  expect(clientPathsToFullZod(base)).toEqual([
    `components/form.tsx → lib/rule.ts → lib/schema.ts imports 'zod'`,
    `components/lazy.tsx → lib/lazy.ts imports 'zod'`,
  ])
})

test('no module a client module reaches imports full zod', () => {
  expect(clientPathsToFullZod(root)).toEqual([])
})
