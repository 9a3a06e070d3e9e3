import { ArrowLeftOutlined } from '@ant-design/icons'
import {
  Card,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Result,
  Skeleton,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { ApiError } from '../../../api/client'
import { getOrder, type Order, type OrderItem, type OrderRefund } from '../../../api/orders'
import { useQuery } from '../../../api/use-query'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'

/** One order (`GET /v1/orders/{id}`): what was bought, what it earned, what refunds took back. */
export function OrderDetailPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { api } = useAdminSession()
  const { id = '' } = useParams()
  const key = `order:${id}`
  const order = useQuery(key, (signal) => getOrder(api, id, signal))
  const data = order.dataKey === key ? order.data : undefined
  const notFound = order.error instanceof ApiError && order.error.status === 404

  return (
    <Flex vertical gap={16}>
      <Typography.Link onClick={() => navigate(-1)}>
        <ArrowLeftOutlined /> {t('orders.back')}
      </Typography.Link>
      {notFound ? (
        <Result status="404" title={t('orders.notFound')} subTitle={id} />
      ) : order.error ? (
        <ErrorAlert error={order.error} onRetry={order.reload} />
      ) : null}
      {!data && order.loading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : null}
      {data ? <OrderDetails order={data} /> : null}
    </Flex>
  )
}

/** An item with its position, the only key two identical lines do not share. */
type OrderLine = OrderItem & { line: number }

function OrderDetails({ order }: { order: Order }) {
  const { t } = useTranslation()
  const { program } = useAdminSession()
  const format = useFormat(program?.timezone)
  const money = (amount: number) => (program ? format.money(amount, program.currency) : '…')
  const empty = t('common.empty')

  const fields: DescriptionsProps['items'] = [
    { key: 'id', label: t('orders.id'), children: <code>{order.id}</code> },
    {
      key: 'member',
      label: t('orders.member'),
      children: <Link to={`/admin/members/${order.member}`}>{order.member}</Link>,
    },
    { key: 'amount', label: t('orders.amount'), children: money(order.amount) },
    { key: 'shipping', label: t('orders.shippingFee'), children: money(order.shipping_fee) },
    { key: 'channel', label: t('orders.channel'), children: order.channel ?? empty },
    {
      key: 'occurred_at',
      label: t('orders.occurredAt'),
      children: format.dateTime(order.occurred_at),
    },
    {
      key: 'points_earned',
      label: t('orders.pointsEarned'),
      children: (
        <strong data-testid="order-points-earned">{format.number(order.points_earned)}</strong>
      ),
    },
    {
      key: 'growth_earned',
      label: t('orders.growthEarned'),
      children: format.number(order.growth_earned),
    },
    {
      key: 'created_at',
      label: t('orders.createdAt'),
      children: format.dateTime(order.created_at),
    },
    {
      key: 'discounts',
      label: t('orders.discounts'),
      children:
        order.discounts.length === 0 ? (
          t('orders.noDiscounts')
        ) : (
          <Flex vertical data-testid="order-discounts">
            {order.discounts.map((d) => (
              <span key={d.id}>
                <Typography.Text code>{d.code}</Typography.Text> −{money(d.amount)}
              </span>
            ))}
          </Flex>
        ),
    },
    {
      key: 'points_redeemed',
      label: t('orders.pointsPaid'),
      children:
        order.points_redeemed > 0 ? (
          <span data-testid="order-points-paid">
            {t('orders.pointsPaidValue', {
              points: format.number(order.points_redeemed),
              value: money(order.points_value),
            })}
          </span>
        ) : (
          empty
        ),
    },
    {
      key: 'refunded',
      label: t('orders.refundedAmount'),
      children: money(order.refunded_amount),
    },
    {
      key: 'points_reversed',
      label: t('orders.pointsReversed'),
      children: format.number(order.points_reversed),
    },
    {
      key: 'growth_reversed',
      label: t('orders.growthReversed'),
      children: format.number(order.growth_reversed),
    },
    {
      key: 'points_returned',
      label: t('orders.pointsReturned'),
      children: format.number(order.points_returned),
    },
  ]

  const itemColumns: TableColumnsType<OrderLine> = [
    { title: t('orders.sku'), dataIndex: 'sku', render: (sku: string) => <code>{sku}</code> },
    { title: t('orders.name'), dataIndex: 'name', render: (name?: string) => name ?? empty },
    {
      title: t('orders.category'),
      dataIndex: 'category',
      render: (category?: string) => category ?? empty,
    },
    { title: t('orders.quantity'), dataIndex: 'quantity', align: 'right' },
    {
      title: t('orders.unitPrice'),
      dataIndex: 'unit_price',
      align: 'right',
      render: (price: number) => money(price),
    },
    {
      title: t('orders.lineTotal'),
      key: 'total',
      align: 'right',
      render: (_, item) => money(item.quantity * item.unit_price),
    },
  ]

  const refundColumns: TableColumnsType<OrderRefund> = [
    { title: t('orders.refundId'), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
    {
      title: t('orders.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (amount: number) => money(amount),
    },
    {
      title: t('orders.pointsReversed'),
      dataIndex: 'points_reversed',
      align: 'right',
      render: (points: number) => format.number(points),
    },
    {
      title: t('orders.pointsReturned'),
      dataIndex: 'points_returned',
      align: 'right',
      render: (points: number) => format.number(points),
    },
    {
      title: t('orders.growthReversed'),
      dataIndex: 'growth_reversed',
      align: 'right',
      render: (growth: number) => format.number(growth),
    },
    {
      title: t('orders.createdAt'),
      dataIndex: 'created_at',
      render: (at: string) => format.dateTime(at),
    },
  ]

  return (
    <>
      <Card
        data-testid="order-detail"
        title={
          <Flex vertical style={{ paddingBlock: 12 }}>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {t('orders.title')}
            </Typography.Text>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="order-detail-id">
              {order.id}
            </Typography.Title>
          </Flex>
        }
      >
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={fields} />
      </Card>
      <Card title={t('orders.items')}>
        <div style={{ overflowX: 'auto' }}>
          <Table<OrderLine>
            rowKey="line"
            size="middle"
            columns={itemColumns}
            dataSource={order.items.map((item, line) => ({ ...item, line }))}
            pagination={false}
            style={{ minWidth: 640 }}
            locale={{ emptyText: t('orders.noItems') }}
          />
        </div>
      </Card>
      <Card title={t('orders.refunds')}>
        <div style={{ overflowX: 'auto' }}>
          <Table<OrderRefund>
            rowKey="id"
            size="middle"
            columns={refundColumns}
            dataSource={order.refunds}
            pagination={false}
            style={{ minWidth: 640 }}
            locale={{ emptyText: t('orders.noRefunds') }}
          />
        </div>
      </Card>
    </>
  )
}
