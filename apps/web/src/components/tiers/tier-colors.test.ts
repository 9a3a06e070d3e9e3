import { describe, expect, it } from 'vitest'
import {
  cardColors,
  contrast,
  DARK_TEXT,
  LIGHT_TEXT,
  mix,
  parseHex,
  readableText,
  toHex,
} from './tier-colors'

describe('tier colours', () => {
  it('parses and prints #RRGGBB', () => {
    expect(parseHex('#d4a017')).toEqual({ r: 212, g: 160, b: 23 })
    expect(parseHex('D4A017')).toEqual({ r: 212, g: 160, b: 23 })
    expect(parseHex('#fff')).toBeNull()
    expect(parseHex(undefined)).toBeNull()
    expect(toHex({ r: 212, g: 160, b: 23 })).toBe('#d4a017')
  })

  it('mixes towards another colour', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080')
    expect(mix('#123456', '#ffffff', 0)).toBe('#123456')
  })

  it('picks the text colour that reads best', () => {
    expect(readableText('#1e3a8a')).toBe(LIGHT_TEXT)
    expect(readableText('#d4a017')).toBe(DARK_TEXT)
    expect(readableText('#9ca3af')).toBe(DARK_TEXT)
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21)
  })

  it('builds a card gradient, or nothing without a colour', () => {
    const gold = cardColors('#d4a017')
    expect(gold?.background).toContain('#d4a017')
    expect(gold?.text).toBe(DARK_TEXT)
    expect(cardColors(undefined)).toBeNull()
    expect(cardColors('gold')).toBeNull()
    // Whatever the colour, the text keeps a usable contrast with it.
    for (const color of ['#9ca3af', '#d4a017', '#111827', '#f472b6', '#22c55e', '#ffffff']) {
      const colors = cardColors(color)
      expect(contrast(color, colors?.text ?? '')).toBeGreaterThanOrEqual(4.5)
    }
  })
})
