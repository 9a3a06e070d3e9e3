import { SearchOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Flex, Input, Typography } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { ApiError } from '../../../api/client'
import { getMember } from '../../../api/members'
import { getOrder } from '../../../api/orders'
import { ApiErrorText } from '../../../components/ApiProblem'
import { useLocaliseError } from '../../../i18n/use-error-message'
import { useAdminSession } from '../../../session/AdminSession'

type LookupKind = 'member' | 'order'

/** Jumps to a member's points (by id or external id) or to an order, if it exists. */
export function PointsLookup() {
  const { t } = useTranslation()
  return (
    <Card title={t('points.lookup.title')}>
      <Flex vertical gap={16}>
        <LookupField kind="member" />
        <Typography.Text type="secondary">{t('points.lookup.orderTitle')}</Typography.Text>
        <LookupField kind="order" />
      </Flex>
    </Card>
  )
}

function LookupField({ kind }: { kind: LookupKind }) {
  const { t } = useTranslation()
  const localise = useLocaliseError()
  const navigate = useNavigate()
  const { api } = useAdminSession()
  const [value, setValue] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<ReactNode>(null)
  const placeholder =
    kind === 'member' ? t('points.lookup.memberPlaceholder') : t('points.lookup.orderPlaceholder')

  const go = async () => {
    const query = value.trim()
    if (!query) return
    setBusy(true)
    setProblem(null)
    try {
      if (kind === 'member') {
        const member = await getMember(api, query)
        navigate(`/admin/members/${member.id}`)
      } else {
        const order = await getOrder(api, query)
        navigate(`/admin/orders/${encodeURIComponent(order.id)}`)
      }
    } catch (error) {
      const missing = error instanceof ApiError && (error.status === 404 || error.status === 400)
      setProblem(
        missing ? (
          t(kind === 'member' ? 'points.lookup.memberNotFound' : 'points.lookup.orderNotFound', {
            query,
          })
        ) : (
          <ApiErrorText error={localise(error)} />
        ),
      )
      setBusy(false)
    }
  }

  return (
    <Flex vertical gap={8}>
      <Flex gap={8}>
        <Input
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onPressEnter={go}
          placeholder={placeholder}
          aria-label={placeholder}
          prefix={<SearchOutlined />}
          allowClear
          data-testid={`points-lookup-${kind}`}
        />
        <Button type="primary" loading={busy} onClick={go} data-testid={`points-lookup-${kind}-go`}>
          {t('points.lookup.submit')}
        </Button>
      </Flex>
      {problem ? <Alert type="warning" showIcon title={problem} /> : null}
    </Flex>
  )
}
