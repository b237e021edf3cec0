// Every kind of change in the catalogue is written by some code path and named in both languages:
// an action nobody writes is a promise the audit does not keep, and one without a label shows
// its raw key on the Audit page.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import en from '@/messages/en/audit.json'
import fr from '@/messages/fr/audit.json'
import { AUDIT_ACTIONS } from './actions'

const ROOT = path.resolve(import.meta.dirname, '../..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : sources(full)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : []
  })
}

test('every action of the catalogue is written somewhere in lib/ (outside the catalogue and tests)', () => {
  const code = sources(path.join(ROOT, 'lib'))
    .filter((f) => !f.endsWith(path.join('audit', 'actions.ts')))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n')
  const unwritten = AUDIT_ACTIONS.filter((action) => !code.includes(`'${action}'`))
  expect(unwritten).toEqual([])
})

test('every action has an English and a French label, and the groups and kinds too', () => {
  for (const messages of [en, fr]) {
    const labels = messages.actions as Record<string, string>
    expect(AUDIT_ACTIONS.filter((a) => !labels[a.replace('.', '_')]?.trim())).toEqual([])
    const groups = messages.groups as Record<string, string>
    expect([...new Set(AUDIT_ACTIONS.map((a) => a.split('.')[0]!))].filter((g) => !groups[g])).toEqual([])
  }
  expect(Object.keys(fr.actions).sort()).toEqual(Object.keys(en.actions).sort())
})
