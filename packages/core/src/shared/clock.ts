/** Time comes in through a Clock so that tests can fix it. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock that stands still until moved; for tests. */
export function fixedClock(start: Date | string): Clock & { set(to: Date | string): void } {
  let current = new Date(start)
  return {
    now: () => new Date(current),
    set(to) {
      current = new Date(to)
    },
  }
}
