// The pre-flight checks that failed, each named in the merchant's language with Back Market's
// specifics (which SKU, which state) as the engine recorded them.
import { useTranslations } from 'next-intl'
import type { PreflightCheck } from '@/lib/sync/preflight-rules'

export function PreflightChecks({ checks }: { checks: readonly PreflightCheck[] }) {
  const t = useTranslations('connection.checks')
  if (checks.length === 0) return null
  return (
    <ul className="list-disc space-y-1 pl-5">
      {checks.map((c) => (
        <li key={c.name}>
          <span className="font-medium">{t(c.name)}</span>: <span className="break-words">{c.detail}</span>
        </li>
      ))}
    </ul>
  )
}
