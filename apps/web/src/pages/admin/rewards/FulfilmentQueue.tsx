import { App, Button, Card, Flex, Popconfirm, Table, type TableColumnsType, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { newIdempotencyKey } from '../../../api/idempotency'
import {
  cancelRedemption,
  fulfillRedemption,
  listRewardRedemptions,
  type RewardRedemption,
} from '../../../api/rewards'
import { useQuery } from '../../../api/use-query'
import { useErrorToast } from '../../../components/ApiProblem'
import { CursorPager } from '../../../components/CursorPager'
import { type CursorStack, currentCursor } from '../../../components/cursor-stack'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'

const PAGE_SIZE = 20

/** Pending redemptions, oldest first, each to fulfil or cancel (points and stock go back). */
export function FulfilmentQueue() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const toastError = useErrorToast()
  const { api, program } = useAdminSession()
  const format = useFormat(program?.timezone)
  const [stack, setStack] = useState<CursorStack>([])
  const [busy, setBusy] = useState<Record<string, 'fulfill' | 'cancel'>>({})
  const cursor = currentCursor(stack)
  const list = useQuery(JSON.stringify(['reward-queue', cursor ?? null]), (signal) =>
    listRewardRedemptions(
      api,
      { status: 'pending', order: 'asc', limit: PAGE_SIZE, cursor },
      signal,
    ),
  )
  const page = list.error ? undefined : list.data

  const close = async (redemption: RewardRedemption, action: 'fulfill' | 'cancel') => {
    setBusy((previous) => ({ ...previous, [redemption.id]: action }))
    try {
      const key = newIdempotencyKey()
      if (action === 'fulfill') await fulfillRedemption(api, redemption.id, key)
      else await cancelRedemption(api, redemption.id, key)
      void message.success(
        t(action === 'fulfill' ? 'rewards.queue.fulfilled' : 'rewards.queue.cancelled'),
      )
      list.reload()
    } catch (error) {
      toastError(error)
      list.reload()
    } finally {
      setBusy(({ [redemption.id]: _, ...rest }) => rest)
    }
  }

  const columns: TableColumnsType<RewardRedemption> = [
    {
      title: t('rewards.queue.createdAt'),
      key: 'created_at',
      render: (_, row) => format.dateTime(row.created_at),
    },
    {
      title: t('rewards.queue.reward'),
      key: 'reward',
      render: (_, row) => <span data-testid="redemption-reward">{row.reward_name}</span>,
    },
    {
      title: t('rewards.queue.member'),
      key: 'member',
      render: (_, row) => <Link to={`/admin/members/${row.member}`}>{row.member}</Link>,
    },
    {
      title: t('rewards.queue.quantity'),
      key: 'quantity',
      align: 'right',
      render: (_, row) => format.number(row.quantity),
    },
    {
      title: t('rewards.queue.points'),
      key: 'points',
      align: 'right',
      render: (_, row) => format.number(row.points_spent),
    },
    {
      title: t('rewards.queue.actions'),
      key: 'actions',
      render: (_, row) => (
        <Flex gap={8}>
          <Button
            type="primary"
            loading={busy[row.id] === 'fulfill'}
            disabled={row.id in busy}
            onClick={() => close(row, 'fulfill')}
            data-testid="redemption-fulfill"
          >
            {t('rewards.queue.fulfill')}
          </Button>
          <Popconfirm
            title={t('rewards.queue.cancelConfirm')}
            okText={t('rewards.queue.cancelOk')}
            okButtonProps={{ danger: true, 'data-testid': 'redemption-cancel-confirm' }}
            cancelText={t('rewards.queue.keep')}
            onConfirm={() => close(row, 'cancel')}
          >
            <Button
              danger
              loading={busy[row.id] === 'cancel'}
              disabled={row.id in busy}
              data-testid="redemption-cancel"
            >
              {t('rewards.queue.cancel')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ]

  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('rewards.queue.showing')}</Typography.Paragraph>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <div style={{ overflowX: 'auto' }} data-testid="reward-queue">
        <Table<RewardRedemption>
          rowKey="id"
          columns={columns}
          dataSource={page?.data ?? []}
          loading={list.loading}
          pagination={false}
          style={{ minWidth: 760 }}
          locale={{ emptyText: t('rewards.queue.empty') }}
          onRow={() => ({ 'data-testid': 'redemption-row' }) as React.HTMLAttributes<HTMLElement>}
        />
      </div>
      <CursorPager
        stack={stack}
        nextCursor={page?.next_cursor ?? null}
        loading={list.loading}
        onChange={setStack}
      />
    </Card>
  )
}
