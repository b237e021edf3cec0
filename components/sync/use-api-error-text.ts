// apiErrorText with the merchant's translations, for components showing an API error.
import { useTranslations } from 'next-intl'
import { apiErrorText } from './refusal-text'

export function useApiErrorText(): (err: Error) => string {
  const refusals = useTranslations('connection.refusals')
  const apiErrors = useTranslations('common.apiErrors')
  return (err) => apiErrorText(err, { refusals, apiErrors })
}
