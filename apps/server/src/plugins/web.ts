import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/** Serves the built web app: assets under /assets, the app's page for /admin and /portal. */
export const webPlugin = fp(async (app: FastifyInstance, opts: { dist: string }) => {
  const indexFile = join(opts.dist, 'index.html')
  const hasBuild = existsSync(indexFile)
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: join(opts.dist, 'assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      decorateReply: false,
    })
  }
  // Read on each request (it is small): a rebuild of the web app is served without a restart.
  const page = () =>
    existsSync(indexFile)
      ? readFileSync(indexFile, 'utf8')
      : '<!doctype html><p>The web app is not built: run <code>npm run build</code>.</p>'

  for (const base of ['/admin', '/portal']) {
    for (const url of [base, `${base}/*`]) {
      app.get(url, { schema: { hide: true } }, async (_request, reply) =>
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page()),
      )
    }
  }
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/admin'))
})
