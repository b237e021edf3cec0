// CSV as RFC 4180 says (quoted when needed, quotes doubled, CRLF line ends), opened safely by a
// spreadsheet: a cell starting with = + - @ (or a tab / carriage return) is a formula to Excel and
// LibreOffice, so it gets a leading apostrophe and is shown as text (OWASP "CSV injection").
export const CSV_BOM = '\uFEFF'

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function csvRow(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}
