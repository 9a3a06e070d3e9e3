/** Where the uplift, its interval and zero sit on a bar, in percent of its width. */
export interface UpliftScale {
  low: number
  high: number
  uplift: number
  zero: number
}

/**
 * Places an interval `[low, high]`, the uplift and zero on one axis that holds all of them with
 * a margin on each side, so the interval is seen against zero.
 */
export function upliftScale(low: number, high: number, uplift: number): UpliftScale {
  let min = Math.min(low, high, uplift, 0)
  let max = Math.max(low, high, uplift, 0)
  if (max === min) {
    min -= 1
    max += 1
  }
  const margin = (max - min) * 0.1
  min -= margin
  max += margin
  const at = (value: number) => Math.round(((value - min) / (max - min)) * 1000) / 10
  return {
    low: at(Math.min(low, high)),
    high: at(Math.max(low, high)),
    uplift: at(uplift),
    zero: at(0),
  }
}

/** Above zero, below zero, or across it: the interval's colour. */
export function intervalSide(low: number, high: number): 'above' | 'below' | 'across' {
  if (low > 0) return 'above'
  if (high < 0) return 'below'
  return 'across'
}
