// The contract check of /api/v1 answers: an answer given in a test must be one the published
// OpenAPI document describes — its status listed for that method and path, its body valid against
// that status's schema (ajv's JSON Schema 2020-12 build: the dialect of OpenAPI 3.1), its required
// headers present. test/api-v1.ts runs it on every callV1, so every v1 test checks the document.
import { Ajv2020 } from 'ajv/dist/2020.js'
import { default as addFormats } from 'ajv-formats'
import type { oas31 } from 'zod-openapi'
import { openApiDocument } from '@/lib/api-v1/openapi'
import { API_BASE_PATH } from '@/lib/api-v1/openapi-paths'

export type V1Answer = { method: string; url: string; status: number; headers: Headers; body: unknown }

const DOCUMENT_ID = 'urn:bm-dashboard:openapi-v1'
const validators = new WeakMap<oas31.OpenAPIObject, Ajv2020>()

function validatorFor(doc: oas31.OpenAPIObject): Ajv2020 {
  let ajv = validators.get(doc)
  if (!ajv) {
    // strict off: the document is not itself a schema (openapi, info, paths are not keywords);
    // its schemas are reached by JSON pointer, so their $refs to #/components resolve in it.
    ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats(ajv)
    ajv.addSchema(doc, DOCUMENT_ID)
    validators.set(doc, ajv)
  }
  return ajv
}

const pointer = (...segments: string[]) => segments.map((s) => encodeURIComponent(s.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/')

/** The documented path template `url` answers to (`/orders/{reference}`), literal paths first. */
export function matchDocumentedPath(doc: oas31.OpenAPIObject, url: string): string | null {
  const pathname = new URL(url, 'http://localhost').pathname
  if (!pathname.startsWith(`${API_BASE_PATH}/`)) return null
  const below = pathname.slice(API_BASE_PATH.length)
  const templates = Object.keys(doc.paths ?? {}).sort((a, b) => a.split('{').length - b.split('{').length)
  return (
    templates.find((template) => {
      const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')
      return new RegExp(`^${pattern}$`).test(below)
    }) ?? null
  )
}

/** What is wrong with the answer by the document; empty when it keeps the contract. */
export function contractViolations(answer: V1Answer, doc: oas31.OpenAPIObject = openApiDocument()): string[] {
  const template = matchDocumentedPath(doc, answer.url)
  const method = answer.method.toLowerCase() as 'get'
  const operation = template ? doc.paths?.[template]?.[method] : undefined
  const where = `${answer.method.toUpperCase()} ${answer.url}`
  if (!template || !operation) return [`${where}: no such operation in the OpenAPI document`]
  const documented = operation.responses?.[String(answer.status)] as oas31.ResponseObject | undefined
  if (!documented) return [`${where}: status ${answer.status} is not documented (documented: ${Object.keys(operation.responses ?? {}).join(', ')})`]

  const problems: string[] = []
  for (const [name, header] of Object.entries(documented.headers ?? {})) {
    if ((header as oas31.HeaderObject).required && !answer.headers.has(name)) problems.push(`${where} ${answer.status}: header ${name} is missing`)
  }
  if (!documented.content?.['application/json']?.schema) {
    if (answer.body !== null && answer.body !== undefined) problems.push(`${where} ${answer.status}: a body where the document says none`)
    return problems
  }
  const ref = `${DOCUMENT_ID}#/${pointer('paths', template, method, 'responses', String(answer.status), 'content', 'application/json', 'schema')}`
  const ajv = validatorFor(doc)
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref })
  if (!validate(answer.body)) {
    problems.push(`${where} ${answer.status}: body does not match the document: ${ajv.errorsText(validate.errors, { separator: '; ' })}`)
  }
  return problems
}

/** Throws, naming every violation, when the answer is not what the document describes. */
export function expectV1Contract(answer: V1Answer, doc?: oas31.OpenAPIObject): void {
  const problems = contractViolations(answer, doc)
  if (problems.length > 0) throw new Error(`/api/v1 contract broken:\n${problems.join('\n')}`)
}
