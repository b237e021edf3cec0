// "Our data cannot make this update": a sync task whose own inputs are wrong (no order, no SKU, a
// payload our schema refuses). Retrying cannot help, so the retry policy ends such a task at once
// with an issue the merchant can read. Thrown by the engine and its operations; pure, no I/O.

/** Message keys under `failures` in messages/<lang>/connection.json. */
export type SyncDataErrorCode = 'invalid_task_data' | 'task_without_order' | 'task_without_sku' | 'missing_record' | 'cancel_needs_return_reason'

export class SyncDataError extends Error {
  readonly code: SyncDataErrorCode
  readonly params: Record<string, string | number>

  constructor(code: SyncDataErrorCode, message: string, opts: { params?: Record<string, string | number>; cause?: unknown } = {}) {
    super(message, { cause: opts.cause })
    this.name = 'SyncDataError'
    this.code = code
    this.params = opts.params ?? {}
  }
}
