// Where a server's CPU went, from the V8 .cpuprofile files `--cpu-prof` leaves (bench:dashboard
// --cpu-prof): self time grouped by package (node_modules/<pkg>, Next's server chunks by the
// package names Turbopack puts in chunk file names) and the top functions.
//
//   node --import tsx bench/dashboard/profile-summary.ts <file.cpuprofile>…
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

type CallFrame = { functionName: string; url: string; lineNumber: number }
type ProfileNode = { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] }
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export type ProfileSummary = {
  file: string
  busyMs: number
  byGroup: [string, number][]
  topFunctions: [string, number][]
  /** Time in a function and everything it called (recursion counted once), for the functions named in `INCLUSIVE`. */
  inclusive: [string, number][]
}

/**
 * Where a request's time goes, beyond self time: the proxy (proxy.ts and Next's adapter around it),
 * our route wrappers, the session check, compression, and Next's own request handling. Matched on
 * the function's name, so a bundled or minified file still shows those that keep theirs.
 */
const INCLUSIVE = [
  'requestListener', 'handleRequest', 'handleNextRequest', 'adapter', 'runMiddleware', 'proxy', 'sessionProxy', 'securityHeaders',
  'compression', 'gzip', 'handle', 'requireApiUser', 'getSessionFromToken', 'runPrepared', 'v1Route', 'route',
  'authenticateApiKey', 'consume', 'recordWarehouseEvents', 'insertEvents', 'payloadHash', 'safeParse', 'notifyEventProcessor',
  'readCappedText', 'toResponse', 'json', 'listOrders', 'getConnectionHealth', '$queryRaw', 'runHandler', 'sendResponse',
]

function group(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native / V8 builtins)'
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (nm) return nm[1]!
  if (url.startsWith('node:')) return 'node core'
  // Turbopack server chunks are named after what they hold: …_node_modules_@prisma_client_…_.js
  const chunk = path.basename(url)
  const pkg = /node_modules_((?:@[a-z0-9-]+_)?[a-z0-9-]+)/i.exec(chunk)
  if (pkg) return `${pkg[1]!.replace('_', '/')} (bundled)`
  if (url.includes('/.next/server/')) return `app server chunks (${chunk.slice(0, 40)})`
  return url
}

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  // Self time per node from the sample stream (timeDeltas[i] is the time before sample i).
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i]!
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i + 1] ?? 0) / 1000)
  }
  const groups = new Map<string, number>()
  const fns = new Map<string, number>()
  let busy = 0
  for (const [id, ms] of self) {
    const n = byId.get(id)!
    const { functionName, url, lineNumber } = n.callFrame
    if (functionName === '(idle)') continue
    busy += ms
    const g = group(url, functionName)
    groups.set(g, (groups.get(g) ?? 0) + ms)
    const key = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''} [${g}]`
    fns.set(key, (fns.get(key) ?? 0) + ms)
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k, Math.round(v)] as [string, number])
  return { file: path.basename(file), busyMs: Math.round(busy), byGroup: sorted(groups), topFunctions: sorted(fns), inclusive: sorted(inclusiveTimes(p, self)).slice(0, 25) }
}

/** Total time under each function of INCLUSIVE, counted at its outermost call on each stack. */
function inclusiveTimes(p: CpuProfile, self: Map<number, number>): Map<string, number> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const totals = new Map<string, number>()
  const wanted = new Set(INCLUSIVE)
  const subtree = new Map<number, number>()
  const total = (id: number): number => {
    let t = subtree.get(id)
    if (t !== undefined) return t
    const n = byId.get(id)!
    t = (n.callFrame.functionName === '(idle)' ? 0 : (self.get(id) ?? 0)) + (n.children ?? []).reduce((a, c) => a + total(c), 0)
    subtree.set(id, t)
    return t
  }
  // Iterative walk (stacks are deep): a node counts for its name unless an ancestor already did.
  const stack: { id: number; open: ReadonlySet<string> }[] = [{ id: p.nodes[0]!.id, open: new Set() }]
  while (stack.length) {
    const { id, open } = stack.pop()!
    const n = byId.get(id)!
    const name = n.callFrame.functionName
    let next = open
    if (wanted.has(name) && !open.has(name)) {
      const key = `${name} ${n.callFrame.url ? `${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}` : ''}`.trim()
      totals.set(key, (totals.get(key) ?? 0) + total(id))
      next = new Set([...open, name])
    }
    for (const c of n.children ?? []) stack.push({ id: c, open: next })
  }
  return totals
}

export function renderProfile(s: ProfileSummary): string {
  const pct = (v: number) => `${((v / s.busyMs) * 100).toFixed(1)}%`
  return [
    `${s.file}: ${s.busyMs} ms of CPU (idle excluded)`,
    '  by package:',
    ...s.byGroup.map(([k, v]) => `    ${pct(v).padStart(6)}  ${k}`),
    '  top functions (self time):',
    ...s.topFunctions.map(([k, v]) => `    ${pct(v).padStart(6)}  ${k}`),
    '  inclusive (the function and what it called):',
    ...s.inclusive.map(([k, v]) => `    ${pct(v).padStart(6)}  ${k}`),
  ].join('\n')
}

/** Every profile the servers left under `<profDir>/<server>/`, summarised. */
export function collectProfiles(profDir: string, servers: string[]): (ProfileSummary & { server: string })[] {
  const profiles: (ProfileSummary & { server: string })[] = []
  for (const name of servers) {
    const dir = path.join(profDir, name)
    for (const f of existsSync(dir) ? readdirSync(dir).filter((x) => x.endsWith('.cpuprofile')) : []) {
      profiles.push({ server: name, ...summarizeProfile(path.join(dir, f)) })
    }
  }
  return profiles
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const f of process.argv.slice(2)) console.log(renderProfile(summarizeProfile(f)))
}
