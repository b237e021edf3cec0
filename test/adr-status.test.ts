// Every decision record says whether it holds and since when, on the line after its title.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

const dir = path.resolve(import.meta.dirname, '../docs/decisions')
const STATUS = /^# \d{4} — .+\n\nStatus: (proposed|accepted|superseded by \d{4}|deprecated) · \d{4}-\d{2}-\d{2}\b/

test('every ADR has a status and a date', () => {
  const adrs = readdirSync(dir).filter((f) => /^\d{4}-.+\.md$/.test(f))
  expect(adrs.length).toBeGreaterThanOrEqual(7)
  expect(adrs.filter((f) => !STATUS.test(readFileSync(path.join(dir, f), 'utf8')))).toEqual([])
})
