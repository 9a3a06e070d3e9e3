import { Card, Descriptions, type DescriptionsProps, Flex, Skeleton, Tag, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { PointsExpiry, Program } from '../../../api/program'
import { getProgram } from '../../../api/program'
import { useQuery } from '../../../api/use-query'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { currencyFractionDigits } from '../../../i18n/format'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'

function describeExpiry(expiry: PointsExpiry, t: TFunction): string {
  switch (expiry.type) {
    case 'rolling':
      return t('settings.expiryRolling', { months: expiry.months })
    case 'annual':
      return t('settings.expiryAnnual', { years: expiry.years_after })
    default:
      return t('settings.expiryNone')
  }
}

/** The program, read-only. Editing comes with the settings issue. */
export function SettingsPage() {
  const { t } = useTranslation()
  const { api } = useAdminSession()
  const program = useQuery('program', (signal) => getProgram(api, signal))

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      {program.error ? <ErrorAlert error={program.error} onRetry={program.reload} /> : null}
      {program.data ? (
        <ProgramDetails program={program.data} />
      ) : program.loading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : null}
    </Flex>
  )
}

function ProgramDetails({ program }: { program: Program }) {
  const { t } = useTranslation()
  const format = useFormat(program.timezone)
  const policy = program.points_policy
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'))
  // `redeem_rate` points are worth one major unit of the currency (100 points = ¥1).
  const oneMajorUnit = 10 ** currencyFractionDigits(program.currency)

  const programItems: DescriptionsProps['items'] = [
    { key: 'id', label: t('settings.id'), children: <code>{program.id}</code> },
    { key: 'name', label: t('settings.name'), children: program.name },
    { key: 'currency', label: t('settings.currency'), children: program.currency },
    { key: 'timezone', label: t('settings.timezone'), children: program.timezone },
    { key: 'locale', label: t('settings.locale'), children: program.locale },
    {
      key: 'created_at',
      label: t('settings.createdAt'),
      children: format.dateTime(program.created_at),
    },
  ]
  const policyItems: DescriptionsProps['items'] = [
    { key: 'expiry', label: t('settings.expiry'), children: describeExpiry(policy.expiry, t) },
    {
      key: 'pending_days',
      label: t('settings.pendingDays'),
      children: t('settings.pendingDaysValue', { days: policy.pending_days }),
    },
    {
      key: 'redeem_rate',
      label: t('settings.redeemRate'),
      children: t('settings.redeemRateValue', {
        points: format.number(policy.redeem_rate),
        amount: format.money(oneMajorUnit, program.currency),
      }),
    },
    {
      key: 'max_redeem_percent',
      label: t('settings.maxRedeemPercent'),
      children: `${policy.max_redeem_percent}%`,
    },
    {
      key: 'allow_negative',
      label: t('settings.allowNegative'),
      children: yesNo(policy.allow_negative),
    },
  ]

  return (
    <>
      <Card title={t('settings.program')} extra={<Tag>{t('settings.readonly')}</Tag>}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={programItems} />
      </Card>
      <Card title={t('settings.pointsPolicy')}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={policyItems} />
      </Card>
    </>
  )
}
