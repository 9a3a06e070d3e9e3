import { describe, expect, it } from 'vitest'
import { parseEngines } from './bench.js'

describe('parseEngines', () => {
  it('reads a comma-separated list in the fixed engine order, once each', () => {
    expect(parseEngines('pglite,postgres')).toEqual(['pglite', 'postgres'])
    expect(parseEngines(' Postgres , pglite,postgres')).toEqual(['pglite', 'postgres'])
    expect(parseEngines('postgres')).toEqual(['postgres'])
  })

  it.each(['', ',', 'mysql', 'pglite,mysql'])('rejects %j', (text) => {
    expect(parseEngines(text)).toBeUndefined()
  })
})
