// The "before → after" of an audit row: the fields that differ, one entry each, with their raw
// values (the page formats them in the reader's language: components/audit/format-audit-value.ts;
// the CSV keeps the JSON). A row with only "after" (something created) lists what it was created
// with; only "before" (deleted), what it was.
export type FieldChange = { field: string; before: unknown; after: unknown }

const asRecord = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null)
const absent = (v: unknown) => v === undefined || v === null
const same = (x: unknown, y: unknown) => (absent(x) && absent(y)) || JSON.stringify(x) === JSON.stringify(y)
const orNull = (v: unknown) => (v === undefined ? null : v)

export function describeChange(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before)
  const a = asRecord(after)
  if (!b && !a) return same(before, after) ? [] : [{ field: '', before: orNull(before), after: orNull(after) }]
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])]
  return fields
    .map((field) => ({ field, before: orNull(b?.[field]), after: orNull(a?.[field]) }))
    // A creation or deletion lists what it had: a field empty on its only side says nothing.
    .filter((c) => (b && a ? !same(c.before, c.after) : !(absent(c.before) && absent(c.after))))
}
