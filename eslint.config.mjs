import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import next from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

const root = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)

// ── Dependency rules (docs/architecture.md states the same list) ─────────────────────────────
// Paths are globs from the repository root, matched against the file an import RESOLVES to, so
// `@/lib/db`, `../db` and `../../lib/db` are the same import. A zone: files matching `target` may
// not import anything matching `from`.
const DATABASE = ['lib/{db.ts,db/**,generated/**}', 'node_modules/{@prisma,.prisma,pg,@types/pg,pg-boss}/**']
const VENDOR_CLIENT = ['lib/backmarket/{client,transport}.ts']
const CODE = '{ts,tsx,mts,mjs,js}'

const zones = {
  // 1. The database only from lib/, scripts/, bench/, test/, prisma/ (the seed) and *.test.* files;
  //    not from app/, components/, e2e/, sandbox/, i18n/ or the root files (proxy.ts, configs).
  database: {
    target: [`!(lib|scripts|bench|test|prisma)/**/!(*.test).${CODE}`, `!(*.test).${CODE}`],
    from: DATABASE,
    message: 'The database is reached only from lib/ (an operation in lib/<area>/); routes and components call that operation.',
  },
  // 2. The Back Market client only from lib/sync (which alone joins vendor and database) and lib/backmarket.
  vendorClient: {
    target: ['!(lib)/**', 'lib/!(sync|backmarket)/**', 'lib/*', '*'],
    from: VENDOR_CLIENT,
    message: 'The Back Market client is built and called only in lib/sync/ (or lib/backmarket/ itself).',
  },
  // 3. lib/ never imports components/ or app/; components/ never imports app/ (types included).
  libUpward: { target: 'lib/**', from: ['app/**', 'components/**'], message: 'lib/ is below app/ and components/: move the shared piece into lib/.' },
  componentsUpward: { target: 'components/**', from: ['app/**'], message: 'components/ is below app/: move the shared piece into components/ or lib/.' },
  // 4. lib/backmarket knows no database (types included).
  vendorWithoutDatabase: { target: 'lib/backmarket/**', from: DATABASE, message: 'lib/backmarket is the vendor boundary: it knows nothing of the database.' },
}
// 5. No two lib/ areas import each other, directly or around a loop: test/lib-area-graph.test.ts.
// test/import-rules.test.ts shows each rule refusing a deliberate violation.

// Rules 1 and 2 guard what runs: an `import type …` / `export type … from` declaration is erased by
// the compiler and reaches neither the database nor Back Market, so they accept it (a component
// may name `OrderStatus`). An inline `import { type X }` is not exempt: the whole declaration must
// be type-only. Rules 3 and 4 guard the direction of dependencies and count types too.
const isTypeOnly = (node) => node?.parent?.importKind === 'type' || node?.parent?.exportKind === 'type'
const restrictedPaths = nextTs.concat(next).find((c) => c.plugins?.import).plugins.import.rules['no-restricted-paths']
const exceptTypeImports = (rule) => ({
  meta: rule.meta,
  create: (context) => rule.create(Object.create(context, { report: { value: (d) => isTypeOnly(d.node) || context.report(d) } })),
})

const config = [
  ...next,
  ...nextTs,
  { ignores: ['lib/generated/**', 'lib/backmarket/openapi.gen.ts', '.next/**', '.next-*/**', '.data/**', 'node_modules/**', 'test-results/**', 'tmp/**'] },
  {
    plugins: { layers: { rules: { 'no-restricted-paths-except-types': exceptTypeImports(restrictedPaths) } } },
    settings: {
      // The same resolver eslint-config-next registers (same key, so this replaces its options),
      // told where tsconfig.json is so `@/…` resolves whatever directory ESLint runs from.
      'import/resolver': {
        [require.resolve('eslint-import-resolver-typescript')]: { alwaysTryTypes: true, project: path.join(root, 'tsconfig.json') },
      },
    },
    rules: {
      'no-restricted-imports': 'off',
      'layers/no-restricted-paths-except-types': ['error', { basePath: root, zones: [zones.database, zones.vendorClient] }],
      'import/no-restricted-paths': ['error', { basePath: root, zones: [zones.libUpward, zones.componentsUpward, zones.vendorWithoutDatabase] }],
    },
  },
  {
    // Every browser story takes `test` from e2e/support.ts, whose fixture fails on any CSP
    // violation; Playwright's own `test` would run the story silently without that check.
    files: ['e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@playwright/test', importNames: ['test'], message: "Take `test` from './support': its fixture fails the story on any CSP violation." }] },
      ],
    },
  },
]

export default config
