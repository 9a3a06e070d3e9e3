import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { type LocalisedError, localiseError, type Translate } from './api-errors'

/** i18next's `t` for keys built at run time (error codes, field names). */
export function useTranslate(): Translate {
  const { t } = useTranslation()
  return useCallback(
    (key: string, options?: Record<string, unknown>) =>
      (t as unknown as Translate)(key, options ?? {}),
    [t],
  )
}

/** Turns anything an API call threw into the reader's language (see `api-errors.ts`). */
export function useLocaliseError(): (error: unknown) => LocalisedError {
  const t = useTranslate()
  return useCallback((error: unknown) => localiseError(error, t), [t])
}

/** Turns anything thrown by an API call into one sentence for the user, in their language. */
export function useErrorMessage(): (error: unknown) => string {
  const localise = useLocaliseError()
  return useCallback((error: unknown) => localise(error).summary, [localise])
}
