import { describe, expect, it } from 'vitest'
import { StatementBatcher } from './statement.batcher.js'

/** A statement that takes a while, recording the batches it was given. */
function slowStatement(batches: number[][]) {
  return async (inputs: number[]) => {
    batches.push(inputs)
    await new Promise((resolve) => setTimeout(resolve, 5))
    return inputs.map((n) => (n < 0 ? new Error(`bad ${n}`) : n * 10))
  }
}

describe('StatementBatcher', () => {
  it('sends a lone call at once, by itself', async () => {
    const batches: number[][] = []
    const batcher = new StatementBatcher(slowStatement(batches))
    expect(await batcher.call(1)).toBe(10)
    expect(batches).toEqual([[1]])
  })

  it('gathers the calls that arrive while batches are in flight, keeping each answer its own', async () => {
    const batches: number[][] = []
    const batcher = new StatementBatcher(slowStatement(batches), 1)
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => batcher.call(i)))
    expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => i * 10))
    // The first goes alone; the nineteen that came while it ran go together.
    expect(batches).toEqual([[0], Array.from({ length: 19 }, (_, i) => i + 1)])
  })

  it('fails only the call whose own answer is an error, and caps the batch size', async () => {
    const batches: number[][] = []
    const batcher = new StatementBatcher(slowStatement(batches), 1, 4)
    const settled = await Promise.allSettled([0, 1, -2, 3, 4, 5].map((n) => batcher.call(n)))
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ])
    expect(batches.every((batch) => batch.length <= 4)).toBe(true)
  })

  it('fails every call of a batch whose statement failed, and goes on with the next', async () => {
    let first = true
    const batcher = new StatementBatcher(async (inputs: number[]) => {
      if (first) {
        first = false
        throw new Error('connection lost')
      }
      return inputs
    }, 1)
    const a = batcher.call(1)
    const b = batcher.call(2)
    await expect(a).rejects.toThrow('connection lost')
    expect(await b).toBe(2)
  })
})
