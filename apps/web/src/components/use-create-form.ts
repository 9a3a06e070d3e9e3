import type { FormInstance } from 'antd'
import { useRef, useState } from 'react'
import { ApiError } from '../api/client'
import { newIdempotencyKey } from '../api/idempotency'
import { describeFieldPath, type FieldProblem, type RawProblem } from '../i18n/api-errors'
import { useLocaliseError, useTranslate } from '../i18n/use-error-message'
import { useErrorToast } from './ApiProblem'

/**
 * What a console form that creates a resource shares: one idempotency key per attempt (kept
 * across a network failure, so a retry cannot create twice; dropped when the values change),
 * the server's `400` problems put on their fields (`fieldFor` maps a problem's path to the
 * form's field name), the rest shown beside the form, and any other failure as a toast.
 */
export function useCreateForm<Values, Created>(options: {
  form: FormInstance<Values>
  create: (values: Values, idempotencyKey: string) => Promise<Created>
  fieldFor: (path: string) => string | undefined
  onCreated: (created: Created) => void
}) {
  const localise = useLocaliseError()
  const translate = useTranslate()
  const toastError = useErrorToast()
  const [saving, setSaving] = useState(false)
  const [otherErrors, setOtherErrors] = useState<FieldProblem[]>([])
  const [serverRaw, setServerRaw] = useState<RawProblem | null>(null)
  const keyRef = useRef<string | null>(null)

  /** A 400's problems on their fields; what has no field goes in the alert. */
  const showProblems = (error: unknown): boolean => {
    if (!(error instanceof ApiError) || error.status !== 400) return false
    const localised = localise(error)
    const fields = new Map<string, string[]>()
    const elsewhere: FieldProblem[] = []
    for (const problem of localised.fields) {
      const field = options.fieldFor(problem.path)
      if (field) fields.set(field, [...(fields.get(field) ?? []), problem.message])
      else elsewhere.push({ ...problem, field: describeFieldPath(problem.path, translate) })
    }
    if (localised.fields.length === 0) {
      elsewhere.push({
        path: '',
        field: '',
        message: localised.message,
        translated: true,
        raw: error.detail,
      })
    }
    ;(options.form as unknown as FormInstance).setFields(
      [...fields].map(([name, errors]) => ({ name, errors })),
    )
    setOtherErrors(elsewhere)
    setServerRaw(localised.raw)
    return true
  }

  const submit = async (values: Values) => {
    if (saving) return
    keyRef.current ??= newIdempotencyKey()
    setSaving(true)
    setOtherErrors([])
    setServerRaw(null)
    try {
      const created = await options.create(values, keyRef.current)
      keyRef.current = null
      options.onCreated(created)
    } catch (error) {
      // A request that never got an answer keeps its key: the retry is the same request.
      if (!(error instanceof ApiError && error.status === 0)) keyRef.current = null
      if (!showProblems(error)) toastError(error)
    } finally {
      setSaving(false)
    }
  }

  return {
    saving,
    otherErrors,
    serverRaw,
    submit,
    /** For the form's `onValuesChange`: changed values are a new request, with a new key. */
    valuesChanged: () => {
      keyRef.current = null
    },
  }
}
