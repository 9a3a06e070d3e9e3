import { PlusOutlined } from '@ant-design/icons'
import {
  Button,
  Card,
  Flex,
  Progress,
  Switch,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import {
  type CouponTemplate,
  listCouponTemplates,
  updateCouponTemplate,
} from '../../../api/coupons'
import { useQuery } from '../../../api/use-query'
import { CursorPager } from '../../../components/CursorPager'
import { useCouponText } from '../../../components/coupons/use-coupon-text'
import { type CursorStack, currentCursor } from '../../../components/cursor-stack'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useActiveToggle } from '../../../components/use-active-toggle'
import { useAdminSession } from '../../../session/AdminSession'
import { CouponSearch } from './CouponSearch'
import { TemplateLimits } from './TemplateLimits'

const PAGE_SIZE = 20

/** Every coupon template: what it takes off, for how long, its limits and count; switch it. */
export function CouponsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { api, program } = useAdminSession()
  const text = useCouponText(program?.currency ?? 'CNY', program?.timezone)
  const [stack, setStack] = useState<CursorStack>([])
  const { toggling, patched, setActive } = useActiveToggle(
    (id: string, active: boolean) => updateCouponTemplate(api, id, { active }),
    (active, name) => t(active ? 'coupons.activated' : 'coupons.deactivated', { name }),
  )
  const cursor = currentCursor(stack)
  const list = useQuery(JSON.stringify(['coupon-templates', cursor ?? null]), (signal) =>
    listCouponTemplates(api, { limit: PAGE_SIZE, cursor }, signal),
  )
  const page = list.error ? undefined : list.data
  const nextCursor = page?.next_cursor ?? null

  const columns: TableColumnsType<CouponTemplate> = [
    {
      title: t('coupons.columns.name'),
      key: 'name',
      render: (_, template) => (
        <Link to={`/admin/coupons/${template.id}`} data-testid="coupon-template-link">
          {template.name}
        </Link>
      ),
    },
    {
      title: t('coupons.columns.discount'),
      key: 'discount',
      render: (_, template) => (
        <Flex vertical>
          <span data-testid="coupon-template-discount">{text.discount(template)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {text.scope(template)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('coupons.columns.validity'),
      key: 'validity',
      render: (_, template) => text.validity(template.validity),
    },
    {
      title: t('coupons.columns.limits'),
      key: 'limits',
      render: (_, template) => <TemplateLimits template={template} />,
    },
    {
      title: t('coupons.columns.issued'),
      key: 'issued',
      width: 170,
      render: (_, template) => {
        const issued = text.format.number(template.issued)
        if (!template.total_limit) return `${issued} / ${t('coupons.unlimited')}`
        const total = template.total_limit
        return (
          <Flex vertical>
            <Progress
              percent={Math.min(100, Math.round((template.issued / total) * 100))}
              size="small"
              status={template.issued >= total ? 'exception' : 'normal'}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {issued} / {text.format.number(total)}
            </Typography.Text>
          </Flex>
        )
      },
    },
    {
      title: t('coupons.columns.active'),
      key: 'active',
      render: (_, template) => (
        <Switch
          checked={toggling[template.id] ?? template.active}
          loading={template.id in toggling}
          onChange={(checked) => setActive(template, checked)}
          aria-label={t('coupons.columns.active')}
          data-testid="coupon-template-active"
        />
      ),
    },
  ]

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <Flex vertical gap={4}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('coupons.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('coupons.subtitle')}</Typography.Text>
        </Flex>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate('/admin/coupons/new')}
          data-testid="coupon-template-create"
        >
          {t('coupons.create')}
        </Button>
      </Flex>
      <CouponSearch />
      <Card>
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <div style={{ overflowX: 'auto' }} data-testid="coupon-templates-table">
          <Table<CouponTemplate>
            rowKey="id"
            columns={columns}
            dataSource={(page?.data ?? []).map((template) => patched[template.id] ?? template)}
            loading={list.loading}
            pagination={false}
            style={{ minWidth: 960 }}
            locale={{ emptyText: t('coupons.empty') }}
          />
        </div>
        <CursorPager
          stack={stack}
          nextCursor={nextCursor}
          loading={list.loading}
          onChange={setStack}
        />
      </Card>
    </Flex>
  )
}
