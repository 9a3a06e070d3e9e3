/*
 * The boundaries of the tree (ARCHITECTURE.md, "Boundaries"), checked by `npm run lint`.
 * A wrong import fails CI with the rule's name and the arrow that broke it.
 */

/**
 * The core's modules from the bottom up. A module may import a module listed before it — only
 * through that module's `index.ts` — and never one listed after it. Modules on one line are
 * peers and do not import each other.
 */
const CORE_LAYERS = [
  ['domain-events', 'idempotency', 'jobs', 'ladder'],
  ['programs'],
  ['members'],
  ['releases', 'advisors'],
  ['rules'],
  ['segments'],
  ['points'],
  ['tiers'],
  ['coupons', 'benefits'],
  ['events'],
  ['orders', 'campaigns'],
  ['appointments', 'exclusive-events'],
  ['rewards'],
  ['api-keys', 'webhooks'],
  ['portal'],
  ['platform', 'housekeeping', 'data-export', 'data-import'],
  ['demo'],
]

const CORE = '^packages/core/src'
const NOT_A_TEST = '\\.test\\.ts$'

const layerRules = CORE_LAYERS.flatMap((peers, level) => {
  const above = CORE_LAYERS.slice(level + 1).flat()
  const sideways = (module) => peers.filter((peer) => peer !== module)
  return peers.flatMap((module) => {
    const forbidden = [...above, ...sideways(module)]
    if (forbidden.length === 0) return []
    return [
      {
        name: `core-layer-${module}`,
        comment: `${module} sits below ${forbidden.join(', ')} in the core's layers: it may not import them (CORE_LAYERS in .dependency-cruiser.cjs).`,
        severity: 'error',
        from: { path: `${CORE}/${module}/`, pathNot: NOT_A_TEST },
        to: { path: `${CORE}/(${forbidden.join('|')})/` },
      },
    ]
  })
})

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No file reaches itself through its imports (type-only imports included).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-module-public-api',
      comment:
        "A core module uses another module only through that module's index.ts, its public API. Repositories, services and helpers not listed there are the module's own.",
      severity: 'error',
      from: { path: `${CORE}/([^/]+)/`, pathNot: NOT_A_TEST },
      to: {
        path: `${CORE}/([^/]+)/`,
        pathNot: [`${CORE}/$1/`, `${CORE}/shared/`, `${CORE}/[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'core-repository-private',
      comment:
        "A repository is read by its own module (and the composition root's wiring), never re-exported to the apps: the package's index.ts names no repository.",
      severity: 'error',
      from: { path: `${CORE}/index\\.ts$` },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'core-shared-is-a-leaf',
      comment: 'shared/ (money, calendar, errors, ids, limits) depends on no module of the core.',
      severity: 'error',
      from: { path: `${CORE}/shared/` },
      to: { path: `${CORE}/(?!shared/)` },
    },
    ...layerRules,
    {
      name: 'test-oracles-with-tests',
      comment: 'A model used as a test oracle (*.model.ts) is imported by tests only.',
      severity: 'error',
      from: { pathNot: NOT_A_TEST },
      to: { path: '\\.model\\.ts$' },
    },
    {
      name: 'test-support-only-in-tests',
      comment:
        "The database test kit (@loyalbase/db/testing) and the server's test support are for tests.",
      severity: 'error',
      from: {
        pathNot: [
          '\\.test\\.ts$',
          '^apps/server/test/',
          '^apps/cli/test/',
          '^apps/web/e2e/',
          '^packages/db/src/testing\\.ts$',
        ],
      },
      to: { path: ['^packages/db/src/testing\\.ts$', '^apps/server/test/support/'] },
    },
    {
      name: 'packages-not-up-into-apps',
      comment:
        'packages/* are libraries for the apps; an arrow from a package to an app runs back up the tree.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'db-below-core',
      comment: '@loyalbase/db knows nothing of the core, the config or the apps.',
      severity: 'error',
      from: { path: '^packages/db/' },
      to: { path: '^packages/(core|config)/' },
    },
    {
      name: 'config-is-a-leaf',
      comment: '@loyalbase/config reads the environment and depends on no other workspace.',
      severity: 'error',
      from: { path: '^packages/config/' },
      to: { path: '^(packages/(?!config/)|apps/)' },
    },
    {
      name: 'client-is-a-leaf',
      comment:
        '@loyalbase/client (the SDK) is for merchants’ code: it depends on no other workspace.',
      severity: 'error',
      from: { path: '^packages/client/' },
      to: { path: '^(packages/(?!client/)|apps/)' },
    },
    {
      name: 'server-not-into-cli-or-web',
      comment: 'The server does not import the CLI or the web app.',
      severity: 'error',
      from: { path: '^apps/server/' },
      to: { path: '^apps/(cli|web)/' },
    },
    {
      name: 'apps-through-package-entry-points',
      comment:
        'The apps use a package through its entry points (package.json `exports`): @loyalbase/core, /calendar, /money; @loyalbase/db, /testing; @loyalbase/config.',
      severity: 'error',
      from: { path: '^apps/' },
      to: {
        path: '^packages/[^/]+/src/',
        pathNot: [
          '^packages/[^/]+/src/index\\.ts$',
          '^packages/db/src/testing\\.ts$',
          '^packages/core/src/shared/(calendar|money)\\.ts$',
          '^packages/client/src/(schema\\.gen|errors|query)\\.ts$',
        ],
      },
    },
    {
      name: 'cli-through-server-entry-point',
      comment:
        'The CLI starts the server (the bench) through @loyalbase/server, never its internals.',
      severity: 'error',
      from: { path: '^apps/cli/' },
      to: { path: '^apps/server/', pathNot: '^apps/server/src/index\\.ts$' },
    },
    {
      name: 'web-app-only-shared-core',
      comment:
        "The browser bundle takes nothing from the server's code but the core's calendar and money modules (package subpaths @loyalbase/core/calendar and /money) and the API's generated types and problems (@loyalbase/client/schema, /errors); it talks to the server over HTTP through the generated client.",
      severity: 'error',
      from: { path: '^apps/web/src/', pathNot: NOT_A_TEST },
      to: {
        path: '^(apps/(server|cli)|packages)/',
        pathNot: [
          '^packages/core/src/shared/(calendar|money)\\.ts$',
          '^packages/client/src/(schema\\.gen|errors|query)\\.ts$',
        ],
      },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or an installed package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '(^|/)dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
}
