// A scope as a message key: next-intl reads `.` and `:` in a key as nesting, so `sync:read` is `sync_read`.
export function scopeKey(scope: string): string {
  return scope.replace(/[.:]/g, '_')
}
