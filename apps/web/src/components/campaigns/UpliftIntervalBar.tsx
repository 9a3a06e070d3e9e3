import { Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { intervalSide, upliftScale } from './uplift-scale'

export interface UpliftIntervalBarProps {
  low: number
  high: number
  uplift: number
  /** Formats an amount of minor units with its sign. */
  format: (minor: number) => string
}

const COLORS = { above: '#10b981', below: '#ef4444', across: '#94a3b8' } as const

/**
 * The uplift's 95 % interval as a bar against zero: green wholly above it, red wholly below,
 * grey across it; the dot is the uplift itself.
 */
export function UpliftIntervalBar({ low, high, uplift, format }: UpliftIntervalBarProps) {
  const { t } = useTranslation()
  const scale = upliftScale(low, high, uplift)
  const side = intervalSide(low, high)
  return (
    <Flex vertical gap={4} data-testid="uplift-interval-bar" data-side={side}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('campaigns.report.intervalTitle')}
      </Typography.Text>
      <div className="lb-interval" role="img" aria-label={`${format(low)} – ${format(high)}`}>
        <div className="lb-interval-axis" />
        <div
          className="lb-interval-range"
          style={{
            left: `${scale.low}%`,
            width: `${Math.max(scale.high - scale.low, 0.5)}%`,
            background: COLORS[side],
          }}
        />
        <div className="lb-interval-zero" style={{ left: `${scale.zero}%` }} />
        <div
          className="lb-interval-point"
          style={{ left: `${scale.uplift}%`, borderColor: COLORS[side] }}
        />
        <span className="lb-interval-label" style={{ left: `${scale.low}%` }}>
          {format(low)}
        </span>
        <span
          className="lb-interval-label lb-interval-label-zero"
          style={{ left: `${scale.zero}%` }}
        >
          {t('campaigns.report.intervalZero')}
        </span>
        <span className="lb-interval-label" style={{ left: `${scale.high}%` }}>
          {format(high)}
        </span>
      </div>
    </Flex>
  )
}
