import { Card, Descriptions, type DescriptionsProps, Flex, Skeleton, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { Program } from '../../../api/program'
import { getProgram } from '../../../api/program'
import { useQuery } from '../../../api/use-query'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PointsPolicyDescriptions } from '../../../components/PointsPolicyDescriptions'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'

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
  return (
    <>
      <Card title={t('settings.program')} extra={<Tag>{t('settings.readonly')}</Tag>}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={programItems} />
      </Card>
      <Card
        title={t('settings.pointsPolicy')}
        extra={<Link to="/admin/points">{t('points.policy.edit')}</Link>}
      >
        <PointsPolicyDescriptions program={program} />
      </Card>
    </>
  )
}
