// Every route handler under app/api and the methods it exports, read from the files themselves:
// the tests that must cover every route (protected routes, CSRF, the fuzz test) list them from
// here, so a route added later is covered without anyone remembering to add it.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { V1Operation } from '@/lib/api-v1/operation'

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
export type HttpMethod = (typeof HTTP_METHODS)[number]

export type ApiRoute = {
  /** `POST /api/syncs/[id]`: the method and the route as its folders spell it. */
  name: string
  method: HttpMethod
  /** `/api/syncs/[id]` */
  route: string
  /** The dynamic segments' names, in path order: `['id']`. */
  params: string[]
  /** Absolute path of the route.ts. */
  file: string
}

const API_ROOT = path.join(process.cwd(), 'app/api')
const EXPORTED_METHOD = new RegExp(`^export (?:const|(?:async )?function) (${HTTP_METHODS.join('|')})\\b`, 'gm')

export function listApiRoutes(): ApiRoute[] {
  return (readdirSync(API_ROOT, { recursive: true }) as string[])
    .filter((file) => path.basename(file) === 'route.ts')
    .flatMap((file) => {
      const route = `/api/${path.dirname(file)}`.replaceAll(path.sep, '/')
      const params = [...route.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!)
      const source = readFileSync(path.join(API_ROOT, file), 'utf8')
      return [...source.matchAll(EXPORTED_METHOD)].map((m) => {
        const method = m[1] as HttpMethod
        return { name: `${method} ${route}`, method, route, params, file: path.join(API_ROOT, file) }
      })
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

export type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>

/** The route's handler for its method, imported the way Next would. */
export async function importHandler(route: ApiRoute): Promise<RouteHandler> {
  const mod = (await import(route.file)) as Record<string, RouteHandler | undefined>
  const handler = mod[route.method]
  if (typeof handler !== 'function') throw new Error(`${route.file} does not export ${route.method}`)
  return handler
}

/** The route's path with its dynamic segments filled in (encoded, as a browser would send them). */
export function fillPath(route: ApiRoute, params: Record<string, string>): string {
  return route.route.replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))
}

/** Routes under /api/v1 authenticate by API key, not by session (lib/api-v1/route.ts). */
export function isV1Route(route: ApiRoute): boolean {
  return route.route.startsWith('/api/v1/')
}

/** The /api/v1 routes that need no key: the published contract. */
export const PUBLIC_V1_ROUTES = ['GET /api/v1/openapi.json']

/**
 * The operation a /api/v1 route serves, as its handler carries it (v1Route attaches it), so a
 * route added later brings its scope and body cap to the tests without an edit here.
 */
export async function v1OperationOf(route: ApiRoute): Promise<V1Operation> {
  const handler = (await importHandler(route)) as RouteHandler & { operation?: V1Operation }
  if (!handler.operation) throw new Error(`${route.name} is not made with v1Route (lib/api-v1/route.ts)`)
  return handler.operation
}
