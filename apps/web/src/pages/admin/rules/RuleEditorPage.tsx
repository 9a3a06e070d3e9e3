import { ArrowLeftOutlined } from '@ant-design/icons'
import { Card, Flex, Result, Skeleton, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { ApiError } from '../../../api/client'
import { getEarningRule } from '../../../api/earning-rules'
import { useQuery } from '../../../api/use-query'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useAdminSession } from '../../../session/AdminSession'
import { RuleEditor } from './RuleEditor'

/** `/admin/rules/new` and `/admin/rules/:id`. */
export function RuleEditorPage() {
  const { t } = useTranslation()
  const { api } = useAdminSession()
  const { id = 'new' } = useParams()
  const creating = id === 'new'
  const key = creating ? null : `rule:${id}`
  const rule = useQuery(key, (signal) => getEarningRule(api, id, signal))
  const data = rule.dataKey === key ? rule.data : undefined
  const notFound = rule.error instanceof ApiError && rule.error.status === 404

  let body = null
  if (creating) body = <RuleEditor />
  else if (notFound) body = <Result status="404" title={t('errors.loadFailed')} subTitle={id} />
  else if (rule.error) body = <ErrorAlert error={rule.error} onRetry={rule.reload} />
  else if (data) body = <RuleEditor key={data.id} rule={data} />
  else
    body = (
      <Card>
        <Skeleton active />
      </Card>
    )

  return (
    <Flex vertical gap={16}>
      <Link to="/admin/rules">
        <ArrowLeftOutlined /> {t('rules.form.back')}
      </Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {creating ? t('rules.form.createTitle') : t('rules.form.editTitle')}
        {data ? ` · ${data.name}` : ''}
      </Typography.Title>
      {body}
    </Flex>
  )
}
