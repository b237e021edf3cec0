// The readable "before → after" of an audit row: the fields that differ, one line each. A row
// with only "after" (something created) lists what it was created with; only "before" (deleted),
// what it was. Nested values are shown compactly (lists joined, objects as JSON).
export type FieldChange = { field: string; before: string | null; after: string | null }

function show(v: unknown): string | null {
  if (v === undefined || v === null) return null
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ')
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

const asRecord = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null)

export function describeChange(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before)
  const a = asRecord(after)
  if (!b && !a) {
    const [x, y] = [show(before), show(after)]
    return x === y ? [] : [{ field: '', before: x, after: y }]
  }
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])]
  return fields
    .map((field) => ({ field, before: show(b?.[field]), after: show(a?.[field]) }))
    .filter((c) => !b || !a || c.before !== c.after)
}
