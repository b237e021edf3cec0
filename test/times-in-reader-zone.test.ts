// Every time a page shows is in the reader's zone: next-intl's (the bm_tz cookie's, the same on
// the server and in the browser). A component that fixes its own zone — UTC written in, or the
// browser's own zone read with Intl — would show another clock than the rest of the page, or a
// different text on the server and in the browser. Times of day go through
// components/sync/format-time.ts, which names the zone.
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')

// A calendar day already cut in the reader's zone (YYYY-MM-DD) is named in UTC on purpose: it is
// a date, not an instant, and no zone may move it (the file says so where it does it).
const ALLOWED = new Set(['components/charts/outcomes-chart.tsx'])

const FORCED_ZONE = [
  { rule: "a fixed timeZone: 'UTC'", pattern: /timeZone:\s*['"`]UTC['"`]/ },
  { rule: 'the browser’s own zone', pattern: /resolvedOptions\(\)\s*\.timeZone/ },
  { rule: 'a hand-written “UTC” after a formatted time', pattern: /\}\s*UTC[`'"]/ },
]

function forcedZones(source: string): string[] {
  return FORCED_ZONE.filter((f) => f.pattern.test(source)).map((f) => f.rule)
}

function shownFiles(): string[] {
  return ['app', 'components'].flatMap((dir) =>
    fs
      .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => path.join(dir, f)),
  )
}

test('no page or component fixes the zone it shows a time in', () => {
  const files = shownFiles()
  expect(files.length).toBeGreaterThan(100)
  const offenders = files.filter((f) => !ALLOWED.has(f)).flatMap((f) => forcedZones(fs.readFileSync(path.join(root, f), 'utf8')).map((rule) => `${f}: ${rule}`))
  expect(offenders).toEqual([])
})

test('the check sees each way of forcing a zone', () => {
  expect(forcedZones("format.dateTime(at, { hour: '2-digit', timeZone: 'UTC' })")).toEqual(["a fixed timeZone: 'UTC'"])
  expect(forcedZones('const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone')).toEqual(['the browser’s own zone'])
  expect(forcedZones('return `${format.dateTime(at, OPTIONS)} UTC`')).toEqual(['a hand-written “UTC” after a formatted time'])
  expect(forcedZones("format.dateTime(at, { hour: '2-digit', timeZoneName: 'short' })")).toEqual([])
})
