// The pre-flight checks that failed, each named in the merchant's language with Back Market's
// specifics (which SKU, which state) as the engine recorded them.
import { useFormatter, useTranslations } from 'next-intl'
import { stateLabels } from '@/components/orders/state-labels'
import type { PreflightCheck } from '@/lib/sync/preflight-rules'
import { preflightCheckText } from './preflight-text'

export function PreflightChecks({ checks }: { checks: readonly PreflightCheck[] }) {
  const tName = useTranslations('connection.checks')
  const t = useTranslations('connection.preflight')
  const labels = stateLabels(useTranslations('orders.states'))
  const format = useFormatter()
  if (checks.length === 0) return null
  const tools = { t, lineState: labels.bmLineState, list: (items: string[]) => format.list(items, { type: 'conjunction' }) }
  return (
    <ul className="list-disc space-y-1 pl-5">
      {checks.map((c) => {
        const text = preflightCheckText(c, tools)
        return (
          <li key={c.name}>
            <span className="font-medium">{tName(c.name)}</span>
            {text ? (
              <>
                : <span className="break-words">{text}</span>
              </>
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}
