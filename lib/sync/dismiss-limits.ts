// The dismiss reason's limits apart from its schema (dismiss-input.ts): the form sizes its field
// with them on first render, and loads the schema (zod/mini) only when it is opened.
export const DISMISS_REASON_MIN = 3
export const DISMISS_REASON_MAX = 500
/** Issues one bulk dismiss may name. */
export const BULK_DISMISS_MAX = 500
