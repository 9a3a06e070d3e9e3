import { Descriptions, type DescriptionsProps, Flex, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Member } from '../../../api/members'
import type { Program } from '../../../api/program'
import type { Tier } from '../../../api/tiers'
import { Money } from '../../../components/Money'
import { TierTag } from '../../../components/tiers/TierTag'
import { resolveTier } from '../../../components/tiers/tier-helpers'
import { useFormat } from '../../../i18n/use-format'

const STATUS_COLORS: Record<string, string> = {
  active: 'green',
  inactive: 'default',
  blocked: 'red',
}

function isKnownStatus(status: string): status is 'active' | 'inactive' | 'blocked' {
  return status in STATUS_COLORS
}

export interface MemberProfileProps {
  member: Member
  /** Gives the currency of `lifetime_spend` and the time zone of dates; may still be loading. */
  program: Program | undefined
  /** The ladder, for the tier's colour and English name. */
  ladder?: readonly Tier[]
}

/** Every field of a member, read-only. */
export function MemberProfile({ member, program, ladder }: MemberProfileProps) {
  const { t } = useTranslation()
  const format = useFormat(program?.timezone)
  const empty = t('common.empty')
  const status = isKnownStatus(member.status)
    ? t(`memberDetail.status.${member.status}`)
    : member.status

  const items: DescriptionsProps['items'] = [
    { key: 'id', label: t('memberDetail.fields.id'), children: <code>{member.id}</code> },
    {
      key: 'external_id',
      label: t('memberDetail.fields.externalId'),
      children: <Typography.Text copyable>{member.external_id}</Typography.Text>,
    },
    { key: 'name', label: t('memberDetail.fields.name'), children: member.name ?? empty },
    { key: 'phone', label: t('memberDetail.fields.phone'), children: member.phone ?? empty },
    { key: 'email', label: t('memberDetail.fields.email'), children: member.email ?? empty },
    {
      key: 'birthday',
      label: t('memberDetail.fields.birthday'),
      children: member.birthday ?? empty,
    },
    {
      key: 'status',
      label: t('memberDetail.fields.status'),
      children: <Tag color={STATUS_COLORS[member.status] ?? 'default'}>{status}</Tag>,
    },
    {
      key: 'joined_at',
      label: t('memberDetail.fields.joinedAt'),
      children: format.dateTime(member.joined_at),
    },
    {
      key: 'referral_code',
      label: t('memberDetail.fields.referralCode'),
      children: <Typography.Text copyable>{member.referral_code}</Typography.Text>,
    },
    {
      key: 'tier',
      label: t('memberDetail.fields.tier'),
      children: (
        <Flex align="center" gap={8} wrap>
          <TierTag
            tier={resolveTier(ladder, member.tier.key, member.tier.name)}
            style={{ marginInlineEnd: 0 }}
          />
          <Typography.Text type="secondary">
            {t('memberDetail.fields.tierSince', { date: format.date(member.tier.since) })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'points_available',
      label: t('memberDetail.fields.pointsAvailable'),
      children: format.number(member.points.available),
    },
    {
      key: 'points_pending',
      label: t('memberDetail.fields.pointsPending'),
      children: format.number(member.points.pending),
    },
    {
      key: 'growth',
      label: t('memberDetail.fields.growth'),
      children: format.number(member.growth),
    },
    {
      key: 'lifetime_spend',
      label: t('memberDetail.fields.lifetimeSpend'),
      children: program ? (
        <Money amount={member.lifetime_spend} currency={program.currency} />
      ) : (
        '…'
      ),
    },
    {
      key: 'orders_count',
      label: t('memberDetail.fields.ordersCount'),
      children: format.number(member.orders_count),
    },
    {
      key: 'attributes',
      label: t('memberDetail.fields.attributes'),
      span: 'filled',
      children: <pre className="lb-json">{JSON.stringify(member.attributes ?? {}, null, 2)}</pre>,
    },
  ]

  return (
    <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, xl: 3 }} items={items} />
  )
}
