import { describe, expect, it } from 'vitest'
import { RulesVersionCache } from './rules-version.cache.js'

describe('RulesVersionCache', () => {
  it('reads again only when a request carries a newer version, and never keeps an older read', async () => {
    const cache = new RulesVersionCache<string>()
    let reads = 0
    const read = (value: string) => async () => {
      reads++
      return value
    }
    expect(await cache.get('p', 3, read('v3'))).toBe('v3')
    expect(await cache.get('p', 3, read('again'))).toBe('v3')
    expect(await cache.get('p', 2, read('older'))).toBe('v3')
    expect(reads).toBe(1)
    expect(await cache.get('p', 4, read('v4'))).toBe('v4')
    expect(reads).toBe(2)
    // A slow read for version 3 finishing after version 5 was kept does not replace it.
    let release: (() => void) | undefined
    const slow = cache.get('q', 3, async () => {
      await new Promise<void>((resolve) => {
        release = resolve
      })
      return 'q3'
    })
    expect(await cache.get('q', 5, read('q5'))).toBe('q5')
    release?.()
    expect(await slow).toBe('q3')
    expect(await cache.get('q', 5, read('never'))).toBe('q5')
    cache.forget('q')
    expect(await cache.get('q', 5, read('q5 again'))).toBe('q5 again')
  })
})
