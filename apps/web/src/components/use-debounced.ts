import { useEffect, useState } from 'react'

/**
 * `value` once it has stopped changing for `delayMs` (compared with `Object.is`: pass a string
 * such as a JSON key, not an object made on every render).
 */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    if (Object.is(value, settled)) return
    const timer = window.setTimeout(() => setSettled(value), delayMs)
    return () => window.clearTimeout(timer)
  }, [value, settled, delayMs])
  return settled
}
