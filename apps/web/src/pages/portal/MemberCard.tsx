import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { Member } from '../../api/members'
import type { PortalProgram, PortalTierStatus } from '../../api/portal'
import { cardColors } from '../../components/tiers/tier-colors'
import { findTier, tierLabel } from '../../components/tiers/tier-helpers'
import { useFormat } from '../../i18n/use-format'

export interface MemberCardProps {
  member: Member
  program: PortalProgram
  /** The member's tier with the ladder: gives the card its colour and the tier's name. */
  tier?: PortalTierStatus
}

/** The membership card: program, tier, and the point balance a member looks for first. */
export function MemberCard({ member, program, tier }: MemberCardProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const key = tier?.tier.key ?? member.tier.key
  const entry = findTier(tier?.ladder, key)
  const name = entry ? tierLabel(entry, format.locale) : (tier?.tier.name ?? member.tier.name)
  // In the tier's colour when it has one; the default look otherwise.
  const colors = cardColors(entry?.color)
  const style = colors
    ? ({
        '--lb-card-bg': colors.background,
        '--lb-card-fg': colors.text,
        '--lb-card-shadow': colors.shadow,
      } as CSSProperties)
    : undefined
  return (
    <section
      className={colors ? 'lb-card lb-card-colored' : 'lb-card'}
      style={style}
      data-tier={key}
      data-color={entry?.color}
      data-testid="portal-card"
    >
      <div className="lb-card-top">
        <span className="lb-card-program">{program.name}</span>
        <span className="lb-card-tier" data-testid="portal-tier-name">
          {name}
        </span>
      </div>
      <div className="lb-card-balance">
        <span className="lb-card-label">{t('portal.card.pointsAvailable')}</span>
        <span className="lb-card-points" data-testid="portal-points">
          {format.number(member.points.available)}
        </span>
      </div>
      <div className="lb-card-bottom">
        <div>
          <div className="lb-card-name" data-testid="portal-member-name">
            {member.name ?? t('portal.card.member')}
          </div>
          <div className="lb-card-number">
            {t('portal.card.memberNo')} {member.external_id}
          </div>
        </div>
        <dl className="lb-card-stats">
          <div>
            <dt>{t('portal.card.pointsPending')}</dt>
            <dd data-testid="portal-points-pending">{format.number(member.points.pending)}</dd>
          </div>
          <div>
            <dt>{t('portal.card.growth')}</dt>
            <dd data-testid="portal-growth">{format.number(member.growth)}</dd>
          </div>
        </dl>
      </div>
    </section>
  )
}
