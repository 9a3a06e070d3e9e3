import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client'

/** Turns anything thrown by an API call into a sentence for the user. */
export function useErrorMessage() {
  const { t } = useTranslation()
  return useCallback(
    (error: unknown): string => {
      if (error instanceof ApiError) {
        if (error.code === 'network_error') return t('errors.network')
        // The server writes `detail` for people; prefer it over our generic text.
        return error.detail || error.title || t('errors.unknown')
      }
      return t('errors.unknown')
    },
    [t],
  )
}
