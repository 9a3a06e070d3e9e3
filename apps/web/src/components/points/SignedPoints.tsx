import { useFormat } from '../../i18n/use-format'

/** `+120` in green, `-59` in red: points that moved, with their direction. */
export function SignedPoints({ points, strong = false }: { points: number; strong?: boolean }) {
  const format = useFormat()
  const tone = points > 0 ? 'lb-points-plus' : points < 0 ? 'lb-points-minus' : ''
  return (
    <span className={`lb-points ${tone}`} style={strong ? { fontWeight: 600 } : undefined}>
      {format.signed(points)}
    </span>
  )
}
