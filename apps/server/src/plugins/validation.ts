import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * Bodies are typed strictly: no coercion, no silent removal of unknown fields, no defaults
 * written into what the client sent. Query strings and path parameters arrive as text, so
 * they are coerced to the schema's scalar types.
 */
export const validationPlugin = fp(async (app: FastifyInstance) => {
  const strict = new Ajv({
    allErrors: true,
    coerceTypes: false,
    removeAdditional: false,
    useDefaults: false,
    discriminator: true,
    strict: false,
  })
  const lenient = new Ajv({
    allErrors: true,
    coerceTypes: true,
    removeAdditional: false,
    useDefaults: true,
    discriminator: true,
    strict: false,
  })
  addFormats(strict)
  addFormats(lenient)
  // A POST without a body is read as `{}`: its schema then names what is missing, and
  // actions whose fields are all optional (`…/run`, `…/portal-sessions`) need no body at all.
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && (request.method === 'POST' || request.method === 'PATCH')) {
      request.body = {}
    }
  })
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : lenient
    return ajv.compile(schema)
  })
})
