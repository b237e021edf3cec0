// The connection health as JSON carries it (dates as ISO strings): what GET /api/connection-issues
// answers and what a server render hands to the browser, so both seed the same cache entry.
import type { ConnectionHealth } from '@/lib/sync/connection-health'

type Jsonified<T> = T extends Date ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T

export type ConnectionHealthView = Jsonified<ConnectionHealth>
export type ConnectionErrorView = ConnectionHealthView['errors'][number]

export function toConnectionHealthView(health: ConnectionHealth): ConnectionHealthView {
  return JSON.parse(JSON.stringify(health)) as ConnectionHealthView
}
