// The connection status as JSON carries it (dates as ISO strings): what GET /api/backmarket-connection
// answers and what the settings page hands its client components.
import type { ConnectionTestResult } from '@/lib/backmarket/check-connection'
import type { ConnectionStatus } from '@/lib/sync/connection/connection-status'

type Jsonified<T> = T extends Date ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T

export type ConnectionStatusView = Jsonified<ConnectionStatus>
export type { ConnectionTestResult }

export function toStatusView(status: ConnectionStatus): ConnectionStatusView {
  return JSON.parse(JSON.stringify(status)) as ConnectionStatusView
}
