import { expect, test } from 'vitest'
import { csvCell, csvRow } from './audit-csv'

test('cells are quoted only when they must be, quotes doubled, lines end in CRLF', () => {
  expect(csvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', null, 42])).toBe('plain,"a,b","say ""hi""","two\nlines",,42\r\n')
  expect(csvCell('')).toBe('')
  expect(csvCell('Élodie <élodie@exemple.fr>')).toBe('Élodie <élodie@exemple.fr>')
})

test('a cell a spreadsheet would run as a formula is made text', () => {
  expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
  expect(csvCell('+33 6 12')).toBe("'+33 6 12")
  expect(csvCell('-1+2')).toBe("'-1+2")
  expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
  expect(csvCell('\tcmd')).toBe("'\tcmd")
  // Numbers we write ourselves are numbers, not text.
  expect(csvCell(-3)).toBe('-3')
  expect(csvCell('a=b')).toBe('a=b')
})
