import { lintFromString, createConfig } from '@redocly/openapi-core'
import { createTestApp } from '@loyalbase/testing'
const t = await createTestApp()
const res = await t.call('GET', '/openapi.json')
console.log(res.statusCode)
await import('node:fs').then(fs => fs.writeFileSync('/tmp/openapi.json', JSON.stringify(res.json(), null, 2)))
const config = await createConfig({ extends: ['recommended'] })
const problems = await lintFromString({ source: res.body, absoluteRef: '/tmp/openapi.json', config })
for (const p of problems) console.log(p.severity, p.ruleId, p.message, JSON.stringify(p.location[0]?.pointer))
await t.close()
