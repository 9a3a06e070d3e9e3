/** The bench's own calls to the API under test: setting up, never measured. */
export interface BenchApi {
  baseUrl: string
  programId: string
  /** A program admin key: what the measured requests carry. */
  key: string
  /** Throws unless the answer is 2xx. */
  post<T>(path: string, body: unknown): Promise<T>
  /** Any method; the status is the caller's to judge. */
  send(method: string, path: string, body?: unknown): Promise<{ status: number; body: string }>
}

async function send(baseUrl: string, key: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: response.status, body: await response.text() }
}

async function post<T>(baseUrl: string, key: string, path: string, body: unknown): Promise<T> {
  const response = await send(baseUrl, key, 'POST', path, body)
  if (response.status < 200 || response.status > 299) {
    throw new Error(`POST ${path} answered ${response.status}: ${response.body}`)
  }
  return JSON.parse(response.body) as T
}

/** Creates a program and an admin key for it with the platform admin key. */
export async function createBenchProgram(
  baseUrl: string,
  platformKey: string,
  name = 'Bench',
): Promise<BenchApi> {
  const program = await post<{ id: string }>(baseUrl, platformKey, '/v1/programs', { name })
  const { key } = await post<{ key: string }>(
    baseUrl,
    platformKey,
    `/v1/programs/${program.id}/api-keys`,
    { name: 'bench', role: 'admin' },
  )
  return {
    baseUrl,
    programId: program.id,
    key,
    post: (path, body) => post(baseUrl, key, path, body),
    send: (method, path, body) => send(baseUrl, key, method, path, body),
  }
}
