import { type ApiClient, unwrap } from './client'
import type { ApiQuery, ApiResponse, Schemas } from './schema'

export type Import = Schemas['Import']
export type ImportKind = ApiQuery<'/v1/imports', 'post'>['kind']
export type ImportStatus = Import['status']
export type ImportRejects = ApiResponse<'/v1/imports/{id}/rejects', 'get'>
export type ImportReject = ImportRejects['data'][number]

export const IMPORT_KINDS = ['members', 'orders'] as const satisfies readonly ImportKind[]

/** The largest upload the server takes (`413 payload_too_large` above it; the CLI takes any). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024
/** The server's limit on `file_name`, in characters. */
const MAX_FILE_NAME = 255

/** The file's name as the import's label: at most what the server keeps. */
export function importFileName(name: string): string | undefined {
  const chars = [...name.trim()]
  return chars.length === 0 ? undefined : chars.slice(0, MAX_FILE_NAME).join('')
}

/**
 * Uploads a CSV file (admin key) and answers at once with the import, `running`; the server
 * imports it in the background (`getImport` follows it).
 */
export function startImport(api: ApiClient, kind: ImportKind, file: File) {
  return unwrap(
    api.POST('/v1/imports', {
      params: { query: { kind, file_name: importFileName(file.name) } },
      // The contract's body is the CSV text; the browser sends the file itself instead, streamed
      // from disk, rather than a file of up to 200 MB read into one string first.
      body: file as unknown as string,
      bodySerializer: (body) => body,
      headers: { 'Content-Type': 'text/csv' },
    }),
  )
}

/** The program's imports, newest first. */
export function listImports(
  api: ApiClient,
  params: { limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/v1/imports', { params: { query: { ...params } }, signal }))
}

/** An import's status, progress and counts. */
export function getImport(api: ApiClient, id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/imports/{id}', { params: { path: { id } }, signal }))
}

/** The first records the import refused (at most 100), with their line and reason. */
export function listImportRejects(
  api: ApiClient,
  id: string,
  limit: number,
  signal?: AbortSignal,
): Promise<ImportRejects> {
  return unwrap(
    api.GET('/v1/imports/{id}/rejects', { params: { path: { id }, query: { limit } }, signal }),
  ) as Promise<ImportRejects>
}

/** Every refused record as CSV (`line,error,record`); the key is a header, so not a plain link. */
export async function exportImportRejects(api: ApiClient, id: string): Promise<Blob> {
  const { data } = await api.GET('/v1/imports/{id}/rejects', {
    params: { path: { id }, query: { format: 'csv' } },
    parseAs: 'blob',
  })
  return data as unknown as Blob
}
