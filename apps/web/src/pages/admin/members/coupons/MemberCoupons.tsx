import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Flex, Segmented, Table, type TableColumnsType, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import {
  type Coupon,
  listMemberCoupons,
  MEMBER_COUPON_STATUSES,
  type MemberCouponStatus,
} from '../../../../api/coupons'
import { useQuery } from '../../../../api/use-query'
import { CouponStatusTag } from '../../../../components/coupons/CouponStatusTag'
import { useCouponText } from '../../../../components/coupons/use-coupon-text'
import { ErrorAlert } from '../../../../components/ErrorAlert'
import { useAdminSession } from '../../../../session/AdminSession'
import { CheckoutPreview } from './CheckoutPreview'
import { IssueCouponModal } from './IssueCouponModal'
import { useTemplates } from './use-templates'

type Filter = MemberCouponStatus | 'all'

/** The member's coupons by status, issuing one, and a checkout preview that can use them. */
export function MemberCoupons({ member }: { member: string }) {
  const { t } = useTranslation()
  const { api, program } = useAdminSession()
  const currency = program?.currency ?? 'CNY'
  const text = useCouponText(currency, program?.timezone)
  const [status, setStatus] = useState<Filter>('active')
  const [issuing, setIssuing] = useState(false)
  const [version, setVersion] = useState(0)
  const coupons = useQuery(JSON.stringify(['member-coupons', member, status, version]), (signal) =>
    listMemberCoupons(api, member, { limit: 100, ...(status === 'all' ? {} : { status }) }, signal),
  )
  const usable = useQuery(JSON.stringify(['member-coupons', member, 'usable', version]), (signal) =>
    listMemberCoupons(api, member, { limit: 100, status: 'active' }, signal),
  )
  const list = coupons.error ? [] : (coupons.data?.data ?? [])
  const templates = useTemplates(api, [
    ...list.map((coupon) => coupon.template),
    ...(usable.data?.data ?? []).map((coupon) => coupon.template),
  ])

  const columns: TableColumnsType<Coupon> = [
    {
      title: t('coupons.member.code'),
      key: 'code',
      render: (_, coupon) => (
        <Typography.Text code copyable data-testid="member-coupon-code">
          {coupon.code}
        </Typography.Text>
      ),
    },
    {
      title: t('coupons.member.coupon'),
      key: 'coupon',
      render: (_, coupon) => {
        const template = templates.get(coupon.template)
        return template ? (
          <Flex vertical>
            <Link to={`/admin/coupons/${template.id}`}>{template.name}</Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {text.discount(template)}
            </Typography.Text>
          </Flex>
        ) : (
          <Link to={`/admin/coupons/${coupon.template}`}>{coupon.template}</Link>
        )
      },
    },
    {
      title: t('coupons.member.status'),
      key: 'status',
      render: (_, coupon) => <CouponStatusTag status={coupon.status} />,
    },
    {
      title: t('coupons.member.validUntil'),
      key: 'expires',
      render: (_, coupon) =>
        coupon.expires_at ? text.format.expiryDate(coupon.expires_at) : t('common.empty'),
    },
    {
      title: t('coupons.member.issuedAt'),
      key: 'issued',
      render: (_, coupon) =>
        coupon.issued_at ? text.format.dateTime(coupon.issued_at) : t('common.empty'),
    },
  ]

  return (
    <>
      <Card
        title={t('coupons.member.title')}
        data-testid="member-coupons"
        extra={
          <Button
            icon={<PlusOutlined />}
            onClick={() => setIssuing(true)}
            data-testid="issue-coupon-button"
          >
            {t('coupons.member.issue')}
          </Button>
        }
      >
        <Flex vertical gap={12}>
          <Segmented<Filter>
            value={status}
            onChange={setStatus}
            options={([...MEMBER_COUPON_STATUSES, 'all'] as const).map((value) => ({
              value,
              label: (
                <span data-testid={`member-coupons-filter-${value}`}>
                  {t(`coupons.status.${value}`)}
                </span>
              ),
            }))}
            style={{ alignSelf: 'flex-start' }}
          />
          {coupons.error ? <ErrorAlert error={coupons.error} onRetry={coupons.reload} /> : null}
          <div style={{ overflowX: 'auto' }} data-testid="member-coupons-table">
            <Table<Coupon>
              rowKey="id"
              columns={columns}
              dataSource={list}
              loading={coupons.loading}
              pagination={list.length > 10 ? { pageSize: 10, size: 'small' } : false}
              style={{ minWidth: 760 }}
              locale={{ emptyText: t('coupons.member.empty') }}
            />
          </div>
        </Flex>
      </Card>
      <CheckoutPreview
        api={api}
        member={member}
        currency={currency}
        usable={usable.data?.data ?? []}
        templates={templates}
      />
      <IssueCouponModal
        api={api}
        member={member}
        currency={currency}
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={() => {
          setIssuing(false)
          setVersion((n) => n + 1)
        }}
      />
    </>
  )
}
