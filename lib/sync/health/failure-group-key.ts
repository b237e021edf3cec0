// What makes two failed calls "the same failure" on the banner: operation, order reference, SKU,
// HTTP status, error kind and message. The key is computed by PostgreSQL from the attempt row
// itself, in the write path and in the rebuild alike, so the two can never disagree on an encoding
// (a JSON array keeps a missing field apart from an empty one).

/** SQL for a failed attempt's group key, over the columns of the row aliased `alias`. */
export function failureGroupKeySql(alias: string): string {
  const c = (column: string) => `${alias}."${column}"`
  return `encode(sha256(convert_to(json_build_array(${c('operation')}::text, ${c('reference')}, ${c('sku')}, ${c('httpStatus')}, ${c('errorKind')}, ${c('message')})::text, 'UTF8')), 'hex')`
}

/** The outcomes the banner counts as failures. */
export const FAILED_OUTCOMES_SQL = `('TRANSIENT_FAILURE', 'PERMANENT_FAILURE')`

/** The operations of Cubyn's parcel_update flow (connection-health-rules.ts flowOf). */
export const PARCEL_OPERATIONS_SQL = `('ACCEPT', 'SHIP', 'CANCEL')`

/** A failure this long after its group's last one starts the group's streak again. */
export const STREAK_GAP_SQL = `interval '7 days'`
