// Pages in Chromium: LCP of each page over cold loads, and the JavaScript it loads (gzip).
import { onCleanup } from '../lib/cleanup'
import type { Case } from './cases'
import { launchChromium, loadPage, type PageLoad } from './lcp'
import { get, newAgent, summarize } from './load'
import { opts, say } from './options'
import type { Results } from './report'
import { cookieOf, SESSION_COOKIE } from './sessions'

export async function measurePages(appPort: number, c: Case): Promise<Results['pages']> {
  const baseUrl = `http://127.0.0.1:${appPort}`
  const candidates = ['/orders', '/connection-issues']
  const agent = newAgent(1)
  const paths: string[] = []
  for (const p of candidates) {
    const r = await get(agent, appPort, p, cookieOf(c))
    if (r.status === 200) paths.push(p)
    else say(`pages: ${p} answers HTTP ${r.status}: not measured`)
  }
  agent.destroy()
  const browser = await launchChromium()
  onCleanup('close Chromium', () => browser.close())
  const out: Results['pages'] = []
  try {
    for (const p of paths) {
      say(`pages: ${p} × ${opts.lcpRuns} cold loads in Chromium…`)
      await loadPage(browser, baseUrl + p, { name: SESSION_COOKIE, value: c.token, secure: true }) // warm the server's render path
      const loads: PageLoad[] = []
      for (let i = 0; i < opts.lcpRuns; i++) {
        const l = await loadPage(browser, baseUrl + p, { name: SESSION_COOKIE, value: c.token, secure: true })
        if (l.status !== 200 || new URL(l.finalUrl).pathname !== p) throw new Error(`${p}: HTTP ${l.status}, ended at ${l.finalUrl} (not signed in?)`)
        loads.push(l)
      }
      const lcps = loads.map((l) => l.lcpMs ?? Number.NaN)
      const first = loads[0]!
      const initial = first.scripts.filter((s) => !s.afterLoad)
      const later = first.scripts.filter((s) => s.afterLoad)
      const sum = (xs: typeof initial, k: 'rawBytes' | 'gzipBytes' | 'wireBytes') => xs.reduce((a, s) => a + s[k], 0)
      const row = {
        path: p,
        runs: loads.length,
        lcp: summarize(lcps),
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
      out.push(row)
    }
  } finally {
    await browser.close()
  }
  return out
}
