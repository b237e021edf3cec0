// How the fault run prints its recovery (recovery.ts): a cell of the results table and the
// distribution under the fault run's details.
import type { RecoveryResult } from './recovery'

const s = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)} s`)

export function recoveryCell(r: RecoveryResult): string {
  if (r.deadTasks === 0) return 'no task was SENT under a killed worker'
  return `longest ${s(r.longest)} (p50 ${s(r.p50)}, p90 ${s(r.p90)}; ${r.waits.length} tasks${r.neverResumed ? `, ${r.neverResumed} never claimed again` : ''})`
}

export function recoveryLines(r: RecoveryResult): string {
  const buckets = Object.entries(r.histogram)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')
  const worst = r.worst.map((w) => `task ${w.taskId} of ${w.worker}: ${s(w.seconds)}`).join('; ')
  const part = (p: { p50: number; max: number } | null) => (p ? `p50 ${s(p.p50)}, max ${s(p.max)}` : '—')
  return (
    `Killed workers' SENT tasks: ${r.deadTasks}; kill → next claim ${recoveryCell(r)}; waits ${buckets || '—'}${worst ? `; longest: ${worst}` : ''}\n` +
    `  kill → lease sweep's hand-back ${part(r.split.toSweep)}; hand-back → next claim ${part(r.split.sweepToClaim)}`
  )
}
