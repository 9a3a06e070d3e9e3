import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { AppError, MAX_IMPORT_BYTES, newId } from '@loyalbase/core'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { programOf } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses, problemResponse, ZPage } from '../schemas/common.js'
import {
  ZImportParams,
  ZImportQuery,
  ZImportRejects,
  ZImportStartQuery,
  ZRejectsQuery,
} from '../schemas/imports.js'

const anyKey = { auth: { kind: 'program' as const } }
const admin = { auth: { kind: 'program' as const, roles: ['admin' as const] } }
const Import = Type.Ref('Import')

/** Where an upload waits while it is imported: the import deletes it when done. */
const SPOOL = join(tmpdir(), 'loyalbase-imports')

interface Spooled {
  path: string
  bytes: number
}

/**
 * Streams a CSV upload to a file of its own, at most MAX_IMPORT_BYTES (else `413`), so that the
 * import reads it at its own pace after the request has been answered.
 */
async function spool(body: Readable): Promise<Spooled> {
  await mkdir(SPOOL, { recursive: true })
  const path = join(SPOOL, `${newId('upl')}.csv`)
  let bytes = 0
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      if (bytes > MAX_IMPORT_BYTES)
        return done(
          new AppError(
            'payload_too_large',
            `An upload is at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; import larger files with \`npx loyalbase import\`.`,
          ),
        )
      done(null, chunk)
    },
  })
  try {
    await pipeline(body, count, createWriteStream(path))
  } catch (error) {
    await rm(path, { force: true })
    throw error
  }
  return { path, bytes }
}

/** CSV imports from the console (docs/import-export.md). */
export async function importRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['imports']

  // In this plugin only: a CSV body is spooled to a file, and the route gets the spooled file.
  app.addContentTypeParser(/^text\/csv(;.*)?$/, (_request, payload, done) => {
    spool(payload).then(
      (spooled) => done(null, spooled),
      (error: Error) => done(error),
    )
  })

  app.post(
    '/v1/imports',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'startImport',
        summary: 'Upload a CSV file of members or orders and import it in the background',
        description:
          'The body is the file itself (`Content-Type: text/csv`, UTF-8, a header line first, at ' +
          'most 200 MB), imported with the same effects as the API, as `npx loyalbase import` ' +
          'does. Answers at once with the running import; `GET /v1/imports/{id}` follows it and ' +
          '`GET /v1/imports/{id}/rejects` lists the records refused, with their line and reason. ' +
          'Importing the same file again changes nothing.',
        consumes: ['text/csv'],
        querystring: ZImportStartQuery,
        // Spooled to a file by the parser above: the handler gets the file, not the text.
        body: Type.String({ contentMediaType: 'text/csv', description: 'The CSV file' }),
        response: {
          202: Import,
          ...errorResponses(),
          413: { ...problemResponse(413), description: 'The upload is larger than 200 MB' },
        },
      },
    },
    async (request, reply) => {
      const upload = request.body as unknown as Spooled | undefined
      if (!upload || typeof upload !== 'object' || !('path' in upload))
        throw new AppError(
          'invalid_request',
          'Send the CSV file as the body (Content-Type: text/csv).',
        )
      const started = await services.imports.start(programOf(request), request.query.kind, {
        ...upload,
        ...(request.query.file_name && { fileName: request.query.file_name }),
      })
      return reply.code(202).send(started)
    },
  )

  app.get(
    '/v1/imports',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listImports',
        summary: 'Imports, newest first',
        querystring: ZImportQuery,
        response: { 200: ZPage(Import), ...errorResponses() },
      },
    },
    async (request) => services.imports.list(programOf(request), request.query),
  )

  app.get(
    '/v1/imports/:id',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getImport',
        summary: 'An import’s progress and counts',
        params: ZImportParams,
        response: { 200: Import, ...errorResponses() },
      },
    },
    async (request) => services.imports.get(programOf(request), request.params.id),
  )

  app.get(
    '/v1/imports/:id/rejects',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listImportRejects',
        summary: 'The records an import refused, with line and reason',
        description:
          'The first `limit` (JSON), or `format=csv` for every one as `text/csv` (`line,error,record`).',
        params: ZImportParams,
        querystring: ZRejectsQuery,
        response: {
          200: {
            description: 'The rejected records (JSON), or all of them (CSV)',
            content: {
              'application/json': { schema: ZImportRejects },
              'text/csv': { schema: Type.String({ description: 'line,error,record' }) },
            },
          },
          ...errorResponses(),
        },
      },
    },
    async (request, reply) => {
      const program = programOf(request)
      if (request.query.format === 'csv') {
        await services.imports.get(program, request.params.id)
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${request.params.id}-rejects.csv"`)
          .send(
            Readable.from(
              services.imports.rejectsCsv(program, request.params.id),
            ) as unknown as string,
          )
      }
      return reply
        .type('application/json; charset=utf-8')
        .send(
          await services.imports.rejects(program, request.params.id, request.query.limit ?? 100),
        )
    },
  )
}
