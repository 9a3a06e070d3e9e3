import { CheckCircleOutlined } from '@ant-design/icons'
import { App, Button, Card, Flex, List, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type BenefitUse,
  listBenefits,
  listMemberBenefits,
  listMemberBenefitUses,
  type MemberBenefit,
} from '../../../../api/benefits'
import { getTierLadder } from '../../../../api/tiers'
import { useQuery } from '../../../../api/use-query'
import { useBenefitText } from '../../../../components/benefits/use-benefit-text'
import { ErrorAlert } from '../../../../components/ErrorAlert'
import { TierTag } from '../../../../components/tiers/TierTag'
import { resolveTier } from '../../../../components/tiers/tier-helpers'
import { useAdminSession } from '../../../../session/AdminSession'
import { RecordUseModal } from './RecordUseModal'

const USES_SHOWN = 10

/** "权益": the benefits of the member's tier with what is left this period; record a use. */
export function MemberBenefits({ member }: { member: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { api, program } = useAdminSession()
  const text = useBenefitText(program?.currency ?? 'CNY', program?.timezone)
  const [version, setVersion] = useState(0)
  const [recording, setRecording] = useState<MemberBenefit | null>(null)
  const mine = useQuery(JSON.stringify(['member-benefits', member, version]), (signal) =>
    listMemberBenefits(api, member, signal),
  )
  // The program's benefits say each quota's period ("本月剩余").
  const all = useQuery('benefits:member-card', (signal) => listBenefits(api, signal))
  const uses = useQuery(JSON.stringify(['member-benefit-uses', member, version]), (signal) =>
    listMemberBenefitUses(api, member, { limit: USES_SHOWN }, signal),
  )
  const ladder = useQuery('tiers', (signal) => getTierLadder(api, signal))
  const periodOf = (key: string) => all.data?.data.find((b) => b.key === key)?.quota?.period
  const names = new Map((all.data?.data ?? []).map((b) => [b.key, b.name]))

  const columns: TableColumnsType<BenefitUse> = [
    {
      title: t('benefits.member.usedAt'),
      key: 'used_at',
      render: (_, use) => text.format.dateTime(use.used_at),
    },
    {
      title: t('benefits.matrix.benefit'),
      key: 'benefit',
      render: (_, use) => names.get(use.benefit) ?? use.benefit,
    },
    {
      title: t('benefits.member.referenceColumn'),
      key: 'reference',
      render: (_, use) =>
        use.reference.kind === 'order' && use.reference.id
          ? t('benefits.member.order', { id: use.reference.id })
          : (use.reference.id ?? t('benefits.member.manual')),
    },
    {
      title: t('benefits.member.tier'),
      key: 'tier',
      render: (_, use) => <TierTag tier={resolveTier(ladder.data?.tiers, use.tier)} />,
    },
    {
      title: '',
      key: 'returned',
      render: (_, use) =>
        use.returned_at ? <Tag color="orange">{t('benefits.member.returned')}</Tag> : null,
    },
  ]

  return (
    <Card title={t('benefits.member.title')} data-testid="member-benefits">
      <Flex vertical gap={16}>
        {mine.error ? <ErrorAlert error={mine.error} onRetry={mine.reload} /> : null}
        <List<MemberBenefit>
          loading={mine.loading && !mine.data}
          dataSource={mine.error ? [] : (mine.data ?? [])}
          locale={{ emptyText: t('benefits.member.empty') }}
          renderItem={(benefit) => {
            const config = text.config(benefit)
            return (
              <List.Item
                data-testid="member-benefit"
                data-benefit={benefit.key}
                actions={[
                  <Button
                    key="record"
                    size="small"
                    icon={<CheckCircleOutlined />}
                    onClick={() => setRecording(benefit)}
                    data-testid={`record-use-${benefit.key}`}
                  >
                    {t('benefits.member.record')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Flex gap={8} align="center" wrap>
                      <span>{benefit.name}</span>
                      <Tag>{text.type(benefit.type)}</Tag>
                      {config ? <Typography.Text type="secondary">{config}</Typography.Text> : null}
                    </Flex>
                  }
                  description={
                    benefit.quota ? (
                      <Flex gap={12} wrap>
                        <span data-testid="member-benefit-remaining">
                          {text.remaining({ ...benefit.quota, period: periodOf(benefit.key) })}
                        </span>
                        <Typography.Text type="secondary">
                          {text.resets(benefit.quota.resets_at)}
                        </Typography.Text>
                      </Flex>
                    ) : (
                      <span data-testid="member-benefit-remaining">
                        {t('benefits.remaining.unlimited')}
                      </span>
                    )
                  }
                />
              </List.Item>
            )
          }}
        />
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('benefits.member.uses')}
        </Typography.Title>
        {uses.error ? <ErrorAlert error={uses.error} onRetry={uses.reload} /> : null}
        <div style={{ overflowX: 'auto' }} data-testid="member-benefit-uses">
          <Table<BenefitUse>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={uses.error ? [] : (uses.data?.data ?? [])}
            loading={uses.loading}
            pagination={false}
            style={{ minWidth: 640 }}
            locale={{ emptyText: t('benefits.member.emptyUses') }}
          />
        </div>
      </Flex>
      <RecordUseModal
        api={api}
        member={member}
        benefit={recording}
        onClose={() => setRecording(null)}
        onRecorded={(benefit) => {
          setRecording(null)
          void message.success(t('benefits.member.recorded', { name: benefit.name }))
          setVersion((n) => n + 1)
        }}
      />
    </Card>
  )
}
