// Test support: Back Market's OpenAPI file (lib/backmarket/openapi.yml) turned into something
// ajv validates, plus the named list of places where the spec disagrees with real payloads.
import { readFileSync } from 'node:fs'
import Ajv, { type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'

type Json = Record<string, unknown>
const SPEC_ID = 'openapi.json'

export function loadSpec(): Json {
  return parse(readFileSync(new URL('../../lib/backmarket/openapi.yml', import.meta.url), 'utf8')) as Json
}

/** Walks a JSON tree, letting `visit` rewrite each object in place. */
function walk(node: unknown, visit: (o: Json) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit))
  else if (node && typeof node === 'object') {
    visit(node as Json)
    Object.values(node).forEach((n) => walk(n, visit))
  }
}

// OpenAPI 3.0 `nullable: true` → JSON Schema's null type; local refs → refs into the spec id.
function toJsonSchema(spec: Json): void {
  walk(spec, (o) => {
    if (typeof o.$ref === 'string' && o.$ref.startsWith('#/')) o.$ref = SPEC_ID + o.$ref
    if (o.nullable !== true) return
    delete o.nullable
    if (typeof o.type === 'string') o.type = [o.type, 'null']
    if (Array.isArray(o.enum) && !o.enum.includes(null)) o.enum = [...(o.enum as unknown[]), null]
    if (Array.isArray(o.anyOf)) o.anyOf = [...(o.anyOf as unknown[]), { type: 'null' }]
  })
}

export interface Disagreement {
  name: string
  /** Why the spec is not followed here; where docs/backmarket.md says so. */
  why: string
  /** True while the published spec still says what we work around; false = drop this entry. */
  stillInSpec(original: Json): boolean
  patch(spec: Json): void
}

export function at(spec: Json, ...path: string[]): Json {
  let node: unknown = spec
  for (const key of path) node = (node as Json | undefined)?.[key]
  if (!node || typeof node !== 'object') throw new Error(`No ${path.join('/')} in the spec`)
  return node as Json
}

export function validatorFor(disagreements: readonly Disagreement[]) {
  const spec = structuredClone(loadSpec())
  for (const d of disagreements) d.patch(spec)
  toJsonSchema(spec)
  // strict: false because the spec carries OpenAPI-only keywords (example, x-tier, discriminator).
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  // OpenAPI uses `format: url`, which JSON Schema calls `uri`.
  ajv.addFormat('url', (s: string) => URL.canParse(s))
  ajv.addSchema(spec, SPEC_ID)
  const cache = new Map<string, ValidateFunction>()
  return (...path: string[]): ValidateFunction => {
    const key = path.join('/')
    let fn = cache.get(key)
    if (!fn) {
      fn = ajv.compile(at(spec, ...path))
      cache.set(key, fn)
    }
    return fn
  }
}
