import { useTranslation } from 'react-i18next'
import type { Member } from '../../api/members'
import type { PortalProgram } from '../../api/portal'
import { useFormat } from '../../i18n/use-format'

export interface MemberCardProps {
  member: Member
  program: PortalProgram
}

/** The membership card: program, tier, and the point balance a member looks for first. */
export function MemberCard({ member, program }: MemberCardProps) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <section className="lb-card" data-tier={member.tier.key} data-testid="portal-card">
      <div className="lb-card-top">
        <span className="lb-card-program">{program.name}</span>
        <span className="lb-card-tier" data-testid="portal-tier-name">
          {member.tier.name}
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
