// Date filters of GET /ws/orders: RFC 3339 as documented, and the `YYYY-MM-DD HH:MM:SS` form
// several real clients send (docs/backmarket.md §1.4). A value without an offset is read as UTC [I].
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i
const NAIVE = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?$/

export function parseDateFilter(value: string): number | undefined {
  const v = value.trim()
  if (RFC3339.test(v)) return Date.parse(v)
  const m = NAIVE.exec(v)
  if (!m) return undefined
  const ms = Date.parse(`${m[1]}T${m[2] ?? '00:00:00'}Z`)
  return Number.isNaN(ms) ? undefined : ms
}
