/*
 * The demo's randomness: one seeded generator (mulberry32) and the few distributions the
 * purchase model draws from. Never Math.random: the same seed gives the same program on every
 * machine and every start.
 */

export function seededRandom(seed: number): () => number {
  // mulberry32: small, fast and good enough for demo data.
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Draws from one seeded stream. */
export class DemoRandom {
  private readonly next: () => number

  constructor(seed: number) {
    this.next = seededRandom(seed)
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next()
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }

  /** One of `items`, each as likely as its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0)
    let roll = this.next() * total
    for (const [item, weight] of items) {
      roll -= weight
      if (roll < 0) return item
    }
    const last = items.at(-1)
    if (!last) throw new Error('weighted pick from an empty list')
    return last[0]
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next())
  }

  /** Gamma(shape, scale), by Marsaglia and Tsang (boosted below shape 1). */
  gamma(shape: number, scale: number): number {
    if (shape < 1) return this.gamma(shape + 1, scale) * this.next() ** (1 / shape)
    const d = shape - 1 / 3
    const c = 1 / Math.sqrt(9 * d)
    for (;;) {
      const x = this.normal()
      const v = (1 + c * x) ** 3
      if (v <= 0) continue
      const u = this.next()
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale
    }
  }

  /** Beta(a, b), as a ratio of gammas. */
  beta(a: number, b: number): number {
    const x = this.gamma(a, 1)
    return x / (x + this.gamma(b, 1))
  }

  /** `count` distinct items of `items`, in their order there. */
  sample<T>(items: readonly T[], count: number): T[] {
    const indices = items.map((_, i) => i)
    for (let i = indices.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[indices[i], indices[j]] = [indices[j] as number, indices[i] as number]
    }
    return indices
      .slice(0, count)
      .sort((a, b) => a - b)
      .map((i) => items[i] as T)
  }
}
