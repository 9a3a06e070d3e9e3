import { describe, expect, it } from 'vitest'
import { currentCursor, nextPage, previousPage } from './cursor-stack'

describe('cursor stack', () => {
  it('starts on the first page, without a cursor', () => {
    expect(currentCursor([])).toBeUndefined()
  })

  it('walks forward and back through the pages visited', () => {
    const second = nextPage([], 'c2')
    const third = nextPage(second, 'c3')
    expect(currentCursor(third)).toBe('c3')
    expect(currentCursor(previousPage(third))).toBe('c2')
    expect(currentCursor(previousPage(previousPage(third)))).toBeUndefined()
  })

  it('stays on the first page when going back from it', () => {
    expect(previousPage([])).toEqual([])
  })
})
