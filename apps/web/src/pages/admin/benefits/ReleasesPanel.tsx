import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  createRelease,
  deleteRelease,
  listReleases,
  opensAtFor,
  type Release,
} from '../../../api/releases'
import { getTierLadder, type Tier } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import { useErrorToast } from '../../../components/ApiProblem'
import { CursorPager } from '../../../components/CursorPager'
import { type CursorStack, currentCursor } from '../../../components/cursor-stack'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { tierLabel } from '../../../components/tiers/tier-helpers'
import { useCreateForm } from '../../../components/use-create-form'
import { useFormat } from '../../../i18n/use-format'
import { zonedInputToIso } from '../../../i18n/zoned-time'
import { useAdminSession } from '../../../session/AdminSession'

const PAGE_SIZE = 20
const DEFAULT_ZONE = 'Asia/Shanghai'

interface ReleaseForm {
  sku: string
  name: string
  public_at: string
  early_access?: { tier?: string; hours_before?: number }[]
}

/** `early_access[1].tier` → the form's `early_access.1.tier`; the others by name. */
function fieldFor(path: string): string | undefined {
  if (['sku', 'name', 'public_at'].includes(path)) return path
  return undefined
}

function CreateReleaseModal({
  open,
  ladder,
  timeZone,
  onClose,
  onCreated,
}: {
  open: boolean
  ladder: readonly Tier[]
  timeZone: string
  onClose: () => void
  onCreated: (release: Release) => void
}) {
  const { t } = useTranslation()
  const { api } = useAdminSession()
  const { locale } = useFormat()
  const [form] = Form.useForm<ReleaseForm>()
  const creating = useCreateForm<ReleaseForm, Release>({
    form,
    create: (values, key) =>
      createRelease(
        api,
        {
          sku: values.sku.trim(),
          name: values.name.trim(),
          public_at: zonedInputToIso(values.public_at, timeZone) ?? values.public_at,
          early_access: (values.early_access ?? [])
            .filter((e) => e.tier && e.hours_before)
            .map((e) => ({ tier: e.tier as string, hours_before: e.hours_before as number })),
        },
        key,
      ),
    fieldFor,
    onCreated: (release) => {
      form.resetFields()
      onCreated(release)
    },
  })
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('releases.form.required', { field }) },
  ]

  return (
    <Modal
      open={open}
      title={t('releases.form.title')}
      okText={t('releases.form.save')}
      cancelText={t('releases.form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={creating.saving}
      okButtonProps={{ 'data-testid': 'release-save' } as Record<string, string>}
      destroyOnHidden
      width={640}
    >
      <Form<ReleaseForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        onFinish={creating.submit}
        onValuesChange={creating.valuesChanged}
      >
        <Form.Item
          name="sku"
          label={t('releases.form.sku')}
          rules={required(t('releases.form.sku'))}
        >
          <Input maxLength={128} data-testid="release-sku" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('releases.form.name')}
          rules={required(t('releases.form.name'))}
        >
          <Input maxLength={200} data-testid="release-name" />
        </Form.Item>
        <Form.Item
          name="public_at"
          label={t('releases.form.publicAt')}
          extra={t('releases.form.publicAtHelp', { zone: timeZone })}
          rules={required(t('releases.form.publicAt'))}
        >
          <Input type="datetime-local" data-testid="release-public-at" />
        </Form.Item>
        <Typography.Text strong>{t('releases.form.earlyAccess')}</Typography.Text>
        <Form.List name="early_access">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item
                    name={[field.name, 'tier']}
                    rules={[
                      {
                        required: true,
                        message: t('releases.form.required', { field: t('releases.form.tier') }),
                      },
                    ]}
                    style={{ flex: 1, marginBottom: 0 }}
                  >
                    <Select
                      placeholder={t('releases.form.tier')}
                      options={ladder.map((tier) => ({
                        value: tier.key,
                        label: tierLabel(tier, locale),
                      }))}
                      data-testid="release-tier"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'hours_before']}
                    rules={[
                      {
                        required: true,
                        message: t('releases.form.required', { field: t('releases.form.hours') }),
                      },
                    ]}
                    style={{ marginBottom: 0 }}
                  >
                    <InputNumber
                      min={1}
                      max={8760}
                      precision={0}
                      placeholder={t('releases.form.hours')}
                      data-testid="release-hours"
                    />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add()}
                data-testid="release-add-tier"
              >
                {t('releases.form.addTier')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
      {creating.otherErrors.length > 0 ? (
        <Typography.Paragraph type="danger" style={{ marginTop: 12 }}>
          {creating.otherErrors
            .map((e) => (e.field ? `${e.field}: ${e.message}` : e.message))
            .join(' ')}
        </Typography.Paragraph>
      ) : null}
    </Modal>
  )
}

/** Releases with each tier's opening time, created and deleted. */
export function ReleasesPanel() {
  const { t } = useTranslation()
  const { api, program } = useAdminSession()
  const timeZone = program?.timezone ?? DEFAULT_ZONE
  const format = useFormat(timeZone)
  const { message } = App.useApp()
  const toastError = useErrorToast()
  const [creating, setCreating] = useState(false)
  const [stack, setStack] = useState<CursorStack>([])
  const cursor = currentCursor(stack)
  const list = useQuery(JSON.stringify(['releases', cursor ?? null]), (signal) =>
    listReleases(api, { limit: PAGE_SIZE, cursor }, signal),
  )
  const ladderQuery = useQuery('tier-ladder', (signal) => getTierLadder(api, signal))
  const ladder: readonly Tier[] = ladderQuery.data?.tiers ?? []
  const releases = list.error ? [] : (list.data?.data ?? [])

  const remove = async (release: Release) => {
    try {
      await deleteRelease(api, release.id)
      void message.success(t('releases.deleted', { name: release.name }))
      list.reload()
    } catch (error) {
      toastError(error)
    }
  }

  const columns: TableColumnsType<Release> = [
    {
      title: t('releases.columns.sku'),
      key: 'sku',
      render: (_, r) => (
        <Typography.Text code data-testid="release-row-sku">
          {r.sku}
        </Typography.Text>
      ),
    },
    { title: t('releases.columns.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('releases.columns.publicAt'),
      key: 'public_at',
      render: (_, r) => format.dateTime(r.public_at),
    },
    {
      title: t('releases.columns.opensAt'),
      key: 'opens',
      render: (_, r) => (
        <Flex vertical data-testid="release-opens">
          {ladder.map((tier) => {
            const hours = Math.max(
              0,
              ...r.early_access.filter((e) => e.tier === tier.key).map((e) => e.hours_before),
            )
            return (
              <Typography.Text key={tier.key} type={hours > 0 ? undefined : 'secondary'}>
                {tierLabel(tier, format.locale)} · {format.dateTime(opensAtFor(r, tier.key))}
                {hours > 0 ? ` (${t('releases.hoursBefore', { hours })})` : ''}
              </Typography.Text>
            )
          })}
        </Flex>
      ),
    },
    {
      title: t('releases.columns.actions'),
      key: 'actions',
      render: (_, r) => (
        <Popconfirm
          title={t('releases.deleteConfirm', { name: r.name })}
          onConfirm={() => remove(r)}
        >
          <Button size="small" type="link" danger data-testid="release-delete">
            {t('releases.delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ]

  return (
    <Flex vertical gap={16} data-testid="releases-panel">
      <Flex justify="space-between" align="flex-start" gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 720 }}>
          {t('releases.subtitle')}
        </Typography.Paragraph>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="release-create"
        >
          {t('releases.create')}
        </Button>
      </Flex>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Release>
        rowKey="id"
        columns={columns}
        dataSource={releases}
        loading={list.loading}
        pagination={false}
        locale={{ emptyText: <Empty description={t('releases.empty')} /> }}
        data-testid="releases-table"
      />
      <CursorPager
        stack={stack}
        nextCursor={list.data?.next_cursor ?? null}
        loading={list.loading}
        onChange={setStack}
      />
      <CreateReleaseModal
        open={creating}
        ladder={ladder}
        timeZone={timeZone}
        onClose={() => setCreating(false)}
        onCreated={(release) => {
          setCreating(false)
          void message.success(t('releases.created', { name: release.name }))
          list.reload()
        }}
      />
    </Flex>
  )
}
