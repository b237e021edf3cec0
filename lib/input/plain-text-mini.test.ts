// The two flavours of plainText (zod for the server's schemas, zod/mini for those shared with the
// browser's forms) must refuse and keep the same text with the same issues.
import { expect, test } from 'vitest'
import * as zm from 'zod/mini'
import { plainText } from './plain-text'
import { plainTextMini } from './plain-text-mini'

const SAMPLES = ['abc', '  abc  ', '', '   ', 'a\u0000b', 'abc\u0000', '\u0085x', 'a\tb', 'a\nb', 'a\r\nb', 'Résidence', '東京都', '😀', 'x'.repeat(11), 42, null]

test.each([false, true])('multiline %s: the same outcome, value and issues for every sample', (multiline) => {
  const classic = plainText({ multiline }).trim().min(2, 'short').max(10, 'long')
  const mini = plainTextMini({ multiline }).check(zm.trim(), zm.minLength(2, 'short'), zm.maxLength(10, 'long'))
  for (const sample of SAMPLES) {
    const a = classic.safeParse(sample)
    const b = mini.safeParse(sample)
    expect(b.success, JSON.stringify(sample)).toBe(a.success)
    expect(b.data).toEqual(a.data)
    expect(b.error?.issues.map((i) => [i.code, i.message])).toEqual(a.error?.issues.map((i) => [i.code, i.message]))
  }
})

test('a custom type error is kept', () => {
  expect(plainTextMini({ error: 'Must be text' }).safeParse(42).error?.issues[0]?.message).toBe('Must be text')
})
