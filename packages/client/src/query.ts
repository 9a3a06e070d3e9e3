/** A query string without the empty filters (`?tier=` is not sent): for the SDK and the web app. */
export function toSearch(query: Record<string, unknown> | undefined): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue
    params.set(name, String(value))
  }
  return params.toString()
}
