/** The bench's own calls to the API under test: setting up, never measured. */
export interface BenchApi {
  baseUrl: string
  /** A program admin key: what the measured requests carry. */
  key: string
  post<T>(path: string, body: unknown): Promise<T>
}

async function post<T>(baseUrl: string, key: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${text}`)
  return JSON.parse(text) as T
}

/** Creates a program and an admin key for it with the platform admin key. */
export async function createBenchProgram(baseUrl: string, platformKey: string): Promise<BenchApi> {
  const program = await post<{ id: string }>(baseUrl, platformKey, '/v1/programs', {
    name: 'Bench',
  })
  const { key } = await post<{ key: string }>(
    baseUrl,
    platformKey,
    `/v1/programs/${program.id}/api-keys`,
    { name: 'bench', role: 'admin' },
  )
  return {
    baseUrl,
    key,
    post: (path, body) => post(baseUrl, key, path, body),
  }
}
