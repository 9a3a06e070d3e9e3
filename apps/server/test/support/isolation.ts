import type { TestApp } from './test-app.js'

/**
 * A key never sees another program's data. Calls every program-key route that names a
 * resource in its path with a foreign program's admin key and the owner's ids, and expects
 * 404 from each. `ids` fills path parameters (`member`, `id`, …), and an entry keyed by a path
 * prefix (`/v1/orders`) fills them for the routes under it; `bodies` gives a valid body
 * per `METHOD /path` so that validation passes and the lookup itself answers. A route with a
 * path parameter that is missing from `ids`, or a write without a body, fails the check: each
 * new route must be added here.
 */
export async function expectForeignKeySeesNothing(
  t: TestApp,
  foreignKey: string,
  ids: Record<string, string | Record<string, string>>,
  bodies: Record<string, unknown>,
  /** Path parameters that name something every program shares (a job's name), not data. */
  shared: string[] = [],
): Promise<string[]> {
  const checked: string[] = []
  const failures: string[] = []
  for (const route of t.app.routeCatalog) {
    if (route.auth.kind !== 'program') continue
    const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1] as string)
    if (params.every((p) => shared.includes(p))) continue
    const name = `${route.method} ${route.url}`
    const scoped = Object.entries(ids)
      .filter(([prefix, value]) => typeof value === 'object' && route.url.startsWith(prefix))
      .sort(([a], [b]) => b.length - a.length)[0]?.[1] as Record<string, string> | undefined
    const idFor = (p: string) => scoped?.[p] ?? (typeof ids[p] === 'string' ? ids[p] : undefined)
    const missing = params.filter((p) => idFor(p) === undefined)
    if (missing.length > 0) {
      failures.push(`${name}: no id given for ${missing.join(', ')}`)
      continue
    }
    const url = route.url.replace(/:(\w+)/g, (_, p: string) =>
      encodeURIComponent(idFor(p) as string),
    )
    const needsBody = route.method === 'POST' || route.method === 'PATCH' || route.method === 'PUT'
    if (needsBody && !(name in bodies)) {
      failures.push(`${name}: no sample body given`)
      continue
    }
    const response = await t.call(route.method as 'GET', url, {
      key: foreignKey,
      ...(needsBody ? { body: bodies[name] } : {}),
    })
    if (response.statusCode !== 404)
      failures.push(`${name}: ${response.statusCode} ${response.body}`)
    checked.push(name)
  }
  if (failures.length > 0) throw new Error(`foreign key isolation:\n${failures.join('\n')}`)
  return checked
}
