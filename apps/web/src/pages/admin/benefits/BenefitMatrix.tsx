import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Popconfirm,
  Switch,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Benefit, deleteBenefit, listBenefits, updateBenefit } from '../../../api/benefits'
import { getTierLadder } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import { useErrorToast } from '../../../components/ApiProblem'
import { useBenefitText } from '../../../components/benefits/use-benefit-text'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { TierTag } from '../../../components/tiers/TierTag'
import { tierLabel } from '../../../components/tiers/tier-helpers'
import { useAdminSession } from '../../../session/AdminSession'
import { BenefitFormModal } from './BenefitFormModal'
import { toggleTier } from './benefit-form'

/**
 * The tier × benefit matrix: a row per benefit (type, uses per period, terms, switch), a column
 * per tier of the ladder; ticking a cell gives the tier the benefit at once. Create, edit, delete.
 */
export function BenefitMatrix() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const toastError = useErrorToast()
  const { api, program } = useAdminSession()
  const currency = program?.currency ?? 'CNY'
  const text = useBenefitText(currency, program?.timezone)
  const [version, setVersion] = useState(0)
  const benefits = useQuery(`benefits:${version}`, (signal) => listBenefits(api, signal))
  const ladder = useQuery('tiers', (signal) => getTierLadder(api, signal))
  const tiers = ladder.data?.tiers ?? []
  // Rows as the server last answered a change made here, over the list first loaded.
  const [patched, setPatched] = useState<Record<string, Benefit>>({})
  const [busy, setBusy] = useState<Record<string, boolean>>({})
  const [editing, setEditing] = useState<Benefit | 'new' | null>(null)

  const rows = (benefits.data?.data ?? []).map((benefit) => patched[benefit.key] ?? benefit)

  const change = async (
    benefit: Benefit,
    cell: string,
    patch: Parameters<typeof updateBenefit>[2],
    said: (updated: Benefit) => string,
  ) => {
    setBusy((previous) => ({ ...previous, [cell]: true }))
    try {
      const updated = await updateBenefit(api, benefit.key, patch)
      setPatched((previous) => ({ ...previous, [updated.key]: updated }))
      void message.success(said(updated))
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(({ [cell]: _, ...rest }) => rest)
    }
  }

  const remove = async (benefit: Benefit) => {
    const cell = `${benefit.key}:delete`
    setBusy((previous) => ({ ...previous, [cell]: true }))
    try {
      await deleteBenefit(api, benefit.key)
      void message.success(t('benefits.matrix.deleted', { name: benefit.name }))
      setPatched(({ [benefit.key]: _, ...rest }) => rest)
      setVersion((n) => n + 1)
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(({ [cell]: _, ...rest }) => rest)
    }
  }

  const ladderKeys = tiers.map((tier) => tier.key)
  const columns: TableColumnsType<Benefit> = [
    {
      title: t('benefits.matrix.benefit'),
      key: 'name',
      fixed: 'left',
      render: (_, benefit) => (
        <Flex vertical>
          <span data-testid="benefit-name">{benefit.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} code>
            {benefit.key}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('benefits.matrix.type'),
      key: 'type',
      render: (_, benefit) => text.type(benefit.type),
    },
    {
      title: t('benefits.matrix.quota'),
      key: 'quota',
      render: (_, benefit) => <span data-testid="benefit-quota">{text.quota(benefit.quota)}</span>,
    },
    {
      title: t('benefits.matrix.config'),
      key: 'config',
      render: (_, benefit) => (
        <span data-testid="benefit-config">{text.config(benefit) ?? t('common.empty')}</span>
      ),
    },
    ...tiers.map((tier): TableColumnsType<Benefit>[number] => ({
      title: <TierTag tier={tier} />,
      key: `tier:${tier.key}`,
      align: 'center',
      render: (_, benefit) => {
        const cell = `${benefit.key}:tier:${tier.key}`
        const name = tierLabel(tier, text.format.locale)
        return (
          <Checkbox
            checked={benefit.tiers.includes(tier.key)}
            // One change of a row at a time: each sends the row's whole list of tiers.
            disabled={Object.keys(busy).some((key) => key.startsWith(`${benefit.key}:`))}
            aria-label={t('benefits.matrix.cell', { tier: name, name: benefit.name })}
            data-testid={`benefit-cell-${benefit.key}-${tier.key}`}
            onChange={(event) => {
              const on = event.target.checked
              void change(
                benefit,
                cell,
                { tiers: toggleTier(benefit.tiers, tier.key, on, ladderKeys) },
                (updated) =>
                  t(on ? 'benefits.matrix.tierOn' : 'benefits.matrix.tierOff', {
                    tier: name,
                    name: updated.name,
                  }),
              )
            }}
          />
        )
      },
    })),
    {
      title: t('benefits.matrix.active'),
      key: 'active',
      render: (_, benefit) => {
        const cell = `${benefit.key}:active`
        return (
          <Switch
            checked={benefit.active}
            loading={cell in busy}
            aria-label={t('benefits.matrix.active')}
            data-testid={`benefit-active-${benefit.key}`}
            onChange={(active) =>
              void change(benefit, cell, { active }, (updated) =>
                t(active ? 'benefits.matrix.activated' : 'benefits.matrix.deactivated', {
                  name: updated.name,
                }),
              )
            }
          />
        )
      },
    },
    {
      title: t('benefits.matrix.actions'),
      key: 'actions',
      render: (_, benefit) => (
        <Flex gap={4}>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(benefit)}
            data-testid={`benefit-edit-${benefit.key}`}
          >
            {t('benefits.matrix.edit')}
          </Button>
          <Popconfirm
            title={t('benefits.matrix.deleteConfirm', { name: benefit.name })}
            okText={t('benefits.matrix.delete')}
            cancelText={t('benefits.form.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'benefit-delete-confirm' }}
            onConfirm={() => remove(benefit)}
          >
            <Button
              type="link"
              size="small"
              danger
              icon={<DeleteOutlined />}
              loading={`${benefit.key}:delete` in busy}
              data-testid={`benefit-delete-${benefit.key}`}
            >
              {t('benefits.matrix.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ]

  return (
    <Card
      title={t('benefits.matrix.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="benefit-create"
        >
          {t('benefits.matrix.create')}
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('benefits.matrix.help')}</Typography.Text>
        {benefits.error ? <ErrorAlert error={benefits.error} onRetry={benefits.reload} /> : null}
        {ladder.error ? <ErrorAlert error={ladder.error} onRetry={ladder.reload} /> : null}
        {ladder.data && tiers.length === 0 ? (
          <Typography.Text type="warning">{t('benefits.matrix.noTiers')}</Typography.Text>
        ) : null}
        <div style={{ overflowX: 'auto' }} data-testid="benefit-matrix">
          <Table<Benefit>
            rowKey="key"
            columns={columns}
            dataSource={rows}
            loading={benefits.loading || ladder.loading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('benefits.matrix.empty') }}
            onRow={(benefit) => ({ 'data-benefit': benefit.key }) as object}
          />
        </div>
      </Flex>
      <BenefitFormModal
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.key}
        api={api}
        open={editing !== null}
        benefit={editing === 'new' ? null : editing}
        tiers={tiers}
        currency={currency}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null)
          setPatched((previous) => ({ ...previous, [saved.key]: saved }))
          setVersion((n) => n + 1)
        }}
      />
    </Card>
  )
}
