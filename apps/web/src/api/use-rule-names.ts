import { useEffect, useState } from 'react'
import { type ApiClient, ApiError } from './client'
import { getEarningRule } from './earning-rules'

/** Rule names by `<scope>:<rule id>`; null for a rule that is gone (deleted). */
const names = new Map<string, Promise<string | null>>()

function lookup(api: ApiClient, scope: string, id: string): Promise<string | null> {
  const key = `${scope}:${id}`
  let pending = names.get(key)
  if (!pending) {
    pending = getEarningRule(api, id).then(
      (rule) => rule.name,
      (error: unknown) => {
        // Only a 404 is an answer worth keeping; anything else may work next time.
        if (!(error instanceof ApiError && error.status === 404)) names.delete(key)
        return null
      },
    )
    names.set(key, pending)
  }
  return pending
}

/** Forgets a rule's cached name (after it was renamed or deleted here). */
export function forgetRuleName(scope: string, id: string) {
  names.delete(`${scope}:${id}`)
}

/**
 * Resolves rule ids to names, each fetched once per `scope` (the program) and cached for
 * the session. Ids not resolved yet (or deleted rules) are absent from the result.
 */
export function useRuleNames(
  api: ApiClient,
  scope: string,
  ids: readonly string[],
): Record<string, string> {
  const [resolved, setResolved] = useState<Record<string, string>>({})
  const wanted = [...new Set(ids)].sort().join(',')

  useEffect(() => {
    if (!wanted) return
    let live = true
    const list = wanted.split(',')
    void Promise.all(list.map((id) => lookup(api, scope, id))).then((found) => {
      if (!live) return
      setResolved((previous) => {
        const next = { ...previous }
        list.forEach((id, index) => {
          const name = found[index]
          if (name) next[id] = name
        })
        return next
      })
    })
    return () => {
      live = false
    }
  }, [api, scope, wanted])

  return resolved
}
