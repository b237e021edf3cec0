// Pages in Chromium: LCP of every page a person can open over cold loads, and the JavaScript each
// loads before its load event (gzip). Pages are listed by page-targets.ts.
import type pg from 'pg'
import { onCleanup } from '../lib/cleanup'
import type { Case } from './cases'
import { launchChromium, loadPage, type PageLoad } from './lcp'
import { get, newAgent, summarize } from './load'
import { opts, say } from './options'
import { createPageTargets, type PageTarget } from './page-targets'
import type { Results } from './report'
import { SESSION_COOKIE } from './sessions'

const cookieFor = (t: PageTarget) => (t.token ? { name: SESSION_COOKIE, value: t.token, secure: true } : null)

/** `only`: the routes to measure (all when absent). */
export async function measurePages(appPort: number, c: Case, pool: pg.Pool, only?: string[]): Promise<Results['pages']> {
  const baseUrl = `http://127.0.0.1:${appPort}`
  const targets: PageTarget[] = []
  const agent = newAgent(1)
  for (const t of await createPageTargets(pool, c)) {
    if (only && !only.includes(t.route)) continue
    const r = await get(agent, appPort, t.path, t.token ? `${SESSION_COOKIE}=${t.token}` : '')
    if (r.status === 200) targets.push(t)
    else say(`pages: ${t.route} answers HTTP ${r.status}: not measured`)
  }
  agent.destroy()
  const browser = await launchChromium()
  onCleanup('close Chromium', () => browser.close())
  const out: Results['pages'] = []
  try {
    for (const t of targets) {
      say(`pages: ${t.route} × ${opts.lcpRuns} cold loads in Chromium…`)
      await loadPage(browser, baseUrl + t.path, cookieFor(t)) // warm the server's render path
      const loads: PageLoad[] = []
      for (let i = 0; i < opts.lcpRuns; i++) {
        const l = await loadPage(browser, baseUrl + t.path, cookieFor(t))
        if (l.status !== 200 || new URL(l.finalUrl).pathname !== t.path) throw new Error(`${t.route}: HTTP ${l.status}, ended at ${new URL(l.finalUrl).pathname} (not signed in?)`)
        loads.push(l)
      }
      for (const v of new Set(loads.flatMap((l) => l.cspViolations))) say(`  CSP violation on ${t.route}: ${v}`)
      out.push(summarizePage(t.route, loads))
    }
  } finally {
    await browser.close()
  }
  return out
}

function summarizePage(route: string, loads: PageLoad[]): Results['pages'][number] {
  const first = loads[0]!
  const initial = first.scripts.filter((s) => !s.afterLoad)
  const later = first.scripts.filter((s) => s.afterLoad)
  const sum = (xs: typeof initial, k: 'rawBytes' | 'gzipBytes' | 'wireBytes') => xs.reduce((a, s) => a + s[k], 0)
  const row = {
    path: route,
    runs: loads.length,
    lcp: summarize(loads.map((l) => l.lcpMs ?? Number.NaN)),
    lcpElement: first.lcpElement,
    ttfb: summarize(loads.map((l) => l.ttfbMs)),
    fcp: summarize(loads.map((l) => l.fcpMs ?? Number.NaN)),
    load: summarize(loads.map((l) => l.loadMs)),
    js: {
      files: initial.length,
      rawBytes: sum(initial, 'rawBytes'),
      gzipBytes: sum(initial, 'gzipBytes'),
      wireBytes: sum(initial, 'wireBytes'),
      encodings: [...new Set(initial.map((s) => s.encoding ?? 'none'))],
      afterLoad: { files: later.length, gzipBytes: sum(later, 'gzipBytes') },
      list: initial.map((s) => ({ file: new URL(s.url).pathname, raw: s.rawBytes, gzip: s.gzipBytes, contains: s.markers })).sort((a, b) => b.gzip - a.gzip),
    },
  }
  say(`  LCP median ${row.lcp.p50.toFixed(0)} ms, worst ${row.lcp.max.toFixed(0)} ms (${row.lcpElement}); JS ${initial.length} files, ${(row.js.gzipBytes / 1024).toFixed(1)} kB gzip`)
  return row
}
