// Page loads in Chromium (playwright-core, the system Chromium and flags of scripts/lib/chromium.ts):
// LCP read with a PerformanceObserver('largest-contentful-paint'), and the JavaScript each page
// loads, from the network log, with its gzip size. Every measured load is a fresh browser context
// (empty cache, like a first visit), signed in by the session cookie unless the page is public.
import { gzipSync } from 'node:zlib'
import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumExecutable } from '../../scripts/lib/chromium'

export type ScriptFile = {
  url: string
  rawBytes: number
  gzipBytes: number
  wireBytes: number
  encoding: string | null
  afterLoad: boolean
  /** Libraries recognised in the file by a telltale string (production chunks carry no module paths). */
  markers: string[]
}

// Heuristic: a string each library's code carries and others do not (checked against this build).
const MARKERS: [string, RegExp][] = [
  ['react-dom', /Minified React error|react-dom/],
  ['next app router', /next-router-state-tree/],
  ['turbopack runtime', /TURBOPACK_ASSET_SUFFIX/],
  ['next-intl', /MISSING_MESSAGE/],
  ['zod', /ZodError/],
  ['@tanstack/react-query', /QueryClient/],
  ['libphonenumber-js', /libphonenumber/],
]

export type PageLoad = {
  lcpMs: number | null
  lcpElement: string | null
  fcpMs: number | null
  ttfbMs: number
  domContentLoadedMs: number
  loadMs: number
  status: number
  finalUrl: string
  scripts: ScriptFile[]
  /** What the page's CSP refused, as Chromium reported it on the console. */
  cspViolations: string[]
}

export async function launchChromium(executablePath = chromiumExecutable()): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS })
}

export async function loadPage(browser: Browser, url: string, cookie: { name: string; value: string; secure?: boolean } | null): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  try {
    // By domain and path: Chromium refuses a __Host- cookie given as a URL with a port.
    if (cookie) await context.addCookies([{ ...cookie, domain: new URL(url).hostname, path: '/' }])
    const page = await context.newPage()
    let loaded = false
    const pending: Promise<ScriptFile | null>[] = []
    const cspViolations: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(m.text().slice(0, 300))
    })
    page.on('load', () => (loaded = true))
    page.on('response', (resp) => {
      if (resp.request().resourceType() !== 'script') return
      const afterLoad = loaded
      pending.push(
        (async () => {
          try {
            const body = await resp.body()
            const sizes = await resp.request().sizes()
            return {
              url: resp.url(),
              rawBytes: body.length,
              // Default zlib level (6), as `gzip` on the command line and most "gzip size" reports.
              gzipBytes: gzipSync(body).length,
              wireBytes: sizes.responseBodySize,
              encoding: (await resp.allHeaders())['content-encoding'] ?? null,
              afterLoad,
              markers: MARKERS.filter(([, re]) => re.test(body.toString('utf8'))).map(([name]) => name),
            }
          } catch {
            return null // a response cut off by navigation: not part of the page
          }
        })(),
      )
    })
    const nav = await page.goto(url, { waitUntil: 'load' })
    const metrics = await page.evaluate(
      () =>
        new Promise<{ lcp: number | null; el: string | null; fcp: number | null; ttfb: number; dcl: number; load: number }>((resolve) => {
          let last: (PerformanceEntry & { element?: Element | null }) | null = null
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) last = e
          }).observe({ type: 'largest-contentful-paint', buffered: true })
          // No input comes, so candidates keep coming until the page settles: read after a second.
          setTimeout(() => {
            const navEntry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
            const fcp = performance.getEntriesByName('first-contentful-paint')[0]
            const el = last?.element ?? null
            resolve({
              lcp: last ? last.startTime : null,
              el: el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.textContent ? ` "${el.textContent.trim().slice(0, 40)}"` : ''}` : null,
              fcp: fcp ? fcp.startTime : null,
              ttfb: navEntry.responseStart,
              dcl: navEntry.domContentLoadedEventEnd,
              load: navEntry.loadEventEnd,
            })
          }, 1000)
        }),
    )
    const scripts = (await Promise.all(pending)).filter((s): s is ScriptFile => s !== null)
    return {
      lcpMs: metrics.lcp,
      lcpElement: metrics.el,
      fcpMs: metrics.fcp,
      ttfbMs: metrics.ttfb,
      domContentLoadedMs: metrics.dcl,
      loadMs: metrics.load,
      status: nav?.status() ?? 0,
      finalUrl: page.url(),
      scripts,
      cspViolations,
    }
  } finally {
    await context.close()
  }
}
