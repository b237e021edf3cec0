import { expect, test } from 'vitest'
import { CONTROL_CHARACTERS_MESSAGE, isControlCharacterIssue } from './control-characters'
import { plainText } from './plain-text'

const single = plainText().trim().min(1)
const multi = plainText({ multiline: true }).trim().min(1)

test.each(['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f'])(
  'U+%s is refused in single- and multi-line text, naming no other problem',
  (c) => {
    for (const schema of [single, multi]) {
      const parsed = schema.safeParse(`a${c}b`)
      expect(parsed.success).toBe(false)
      expect(parsed.error?.issues.map((i) => i.message)).toEqual([CONTROL_CHARACTERS_MESSAGE])
    }
  },
)

test('tab and line breaks: refused on one line, kept in multi-line text', () => {
  for (const text of ['a\tb', 'a\nb', 'a\r\nb']) {
    expect(single.safeParse(text).success).toBe(false)
    expect(multi.parse(text)).toBe(text)
  }
})

test('the value is checked as sent: a control character at either end is not trimmed away first', () => {
  expect(single.safeParse('abc\u0000').success).toBe(false)
  expect(single.safeParse('\u0000abc').success).toBe(false)
})

test('ordinary text of any script passes, and the field’s own rules still apply', () => {
  for (const text of ['Résidence les Jardins', 'İstanbul', '東京都', 'SKU_100%\\', '😀', '\u202eevil']) expect(single.parse(text)).toBe(text)
  expect(single.safeParse('   ').success).toBe(false)
  expect(plainText({ error: 'Must be text' }).safeParse(42).error?.issues[0]?.message).toBe('Must be text')
})

test('a form can tell the control-character refusal from the field’s other rules', () => {
  const schema = plainText().trim().min(3)
  const refused = schema.safeParse('ab\u0000c').error?.issues[0]
  const short = schema.safeParse('ab').error?.issues[0]
  expect(refused && isControlCharacterIssue(refused)).toBe(true)
  expect(short && isControlCharacterIssue(short)).toBe(false)
})

test('a lone UTF-16 surrogate is refused like a control character; a pair (an emoji) is text', () => {
  expect(plainText().safeParse('Colis\uD87D Express').success).toBe(false)
  expect(plainText().safeParse('x\uDC00').success).toBe(false)
  expect(plainText({ multiline: true }).safeParse('line\n\uD800').success).toBe(false)
  expect(plainText().safeParse('Ťřídící 介 😀').success).toBe(true)
})
