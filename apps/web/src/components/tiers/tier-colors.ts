/** Colour arithmetic for tier tags and the portal card. Pure functions over `#RRGGBB`. */

export interface Rgb {
  r: number
  g: number
  b: number
}

const HEX = /^#?([0-9a-f]{6})$/i

/** `#d4a017` → `{ r: 212, g: 160, b: 23 }`; null for anything else. */
export function parseHex(hex: string | null | undefined): Rgb | null {
  const match = HEX.exec(hex?.trim() ?? '')
  if (!match?.[1]) return null
  const value = Number.parseInt(match[1], 16)
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 }
}

export function toHex({ r, g, b }: Rgb): string {
  const part = (n: number) =>
    Math.round(Math.min(255, Math.max(0, n)))
      .toString(16)
      .padStart(2, '0')
  return `#${part(r)}${part(g)}${part(b)}`
}

/** Moves `hex` towards `target` by `amount` (0 = unchanged, 1 = target). */
export function mix(hex: string, target: string, amount: number): string {
  const from = parseHex(hex)
  const to = parseHex(target)
  if (!from || !to) return hex
  return toHex({
    r: from.r + (to.r - from.r) * amount,
    g: from.g + (to.g - from.g) * amount,
    b: from.b + (to.b - from.b) * amount,
  })
}

/** WCAG relative luminance, 0 (black) … 1 (white). */
export function luminance(hex: string): number {
  const rgb = parseHex(hex)
  if (!rgb) return 0
  const channel = (value: number) => {
    const c = value / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(rgb.r) + 0.7152 * channel(rgb.g) + 0.0722 * channel(rgb.b)
}

/** WCAG contrast ratio of two colours, 1 … 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

export const LIGHT_TEXT = '#ffffff'
export const DARK_TEXT = '#1f2937'

/** White or near-black, whichever reads better on `background`. */
export function readableText(background: string): string {
  return contrast(background, LIGHT_TEXT) >= contrast(background, DARK_TEXT)
    ? LIGHT_TEXT
    : DARK_TEXT
}

export interface CardColors {
  background: string
  text: string
  shadow: string
}

/**
 * A card gradient around the tier's colour (darker to lighter) and a text colour that reads
 * on all of it; null when the tier has no (valid) colour, so the default look stays.
 */
export function cardColors(color: string | null | undefined): CardColors | null {
  const base = parseHex(color)
  if (!base || !color) return null
  const hex = toHex(base)
  const text = readableText(hex)
  // With white text the light end must stay dark enough; with dark text, the dark end light.
  const dark = mix(hex, '#000000', text === LIGHT_TEXT ? 0.3 : 0.12)
  const light = mix(hex, '#ffffff', text === LIGHT_TEXT ? 0.12 : 0.35)
  return {
    background: `linear-gradient(135deg, ${dark} 0%, ${hex} 50%, ${light} 100%)`,
    text,
    shadow: `0 16px 36px ${hex}59`,
  }
}
