import { PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Progress,
  Switch,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type Advisor,
  type AdvisorMember,
  createAdvisor,
  deleteAdvisor,
  listAdvisorMembers,
  listAdvisors,
  updateAdvisor,
} from '../../../api/advisors'
import { useQuery } from '../../../api/use-query'
import { useErrorToast } from '../../../components/ApiProblem'
import { CursorPager } from '../../../components/CursorPager'
import { type CursorStack, currentCursor } from '../../../components/cursor-stack'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useCreateForm } from '../../../components/use-create-form'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'

const PAGE_SIZE = 100

interface AdvisorForm {
  name: string
  contact: string
  capacity: number
  active: boolean
}

const FORM_FIELDS = new Set(['name', 'contact', 'capacity', 'active'])

/** The load bar: members served out of capacity, red when full. */
function LoadBar({ advisor }: { advisor: Advisor }) {
  const { t } = useTranslation()
  const percent = advisor.capacity === 0 ? 100 : (advisor.load / advisor.capacity) * 100
  return (
    <Flex vertical style={{ minWidth: 160 }} data-testid="advisor-load">
      <Progress
        percent={Math.min(100, Math.round(percent))}
        showInfo={false}
        size="small"
        status={advisor.load >= advisor.capacity ? 'exception' : 'normal'}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('advisors.loadOf', { load: advisor.load, capacity: advisor.capacity })}
      </Typography.Text>
    </Flex>
  )
}

/** Add or edit an advisor: name, contact, capacity and whether it takes new members. */
function AdvisorModal({
  editing,
  open,
  onClose,
  onSaved,
}: {
  editing: Advisor | null
  open: boolean
  onClose: () => void
  onSaved: (advisor: Advisor, created: boolean) => void
}) {
  const { t } = useTranslation()
  const { api } = useAdminSession()
  const toastError = useErrorToast()
  const [form] = Form.useForm<AdvisorForm>()
  const [saving, setSaving] = useState(false)
  const creating = useCreateForm<AdvisorForm, Advisor>({
    form,
    create: (values, key) =>
      createAdvisor(
        api,
        {
          name: values.name.trim(),
          contact: values.contact.trim(),
          capacity: values.capacity,
          active: values.active,
        },
        key,
      ),
    fieldFor: (path) => (FORM_FIELDS.has(path) ? path : undefined),
    onCreated: (advisor) => {
      form.resetFields()
      onSaved(advisor, true)
    },
  })

  const submit = async (values: AdvisorForm) => {
    if (!editing) return creating.submit(values)
    setSaving(true)
    try {
      const saved = await updateAdvisor(api, editing.id, {
        name: values.name.trim(),
        contact: values.contact.trim(),
        capacity: values.capacity,
        active: values.active,
      })
      onSaved(saved, false)
    } catch (error) {
      toastError(error)
    } finally {
      setSaving(false)
    }
  }

  const required = (field: string) => [
    { required: true, whitespace: true, message: t('advisors.form.required', { field }) },
  ]

  return (
    <Modal
      open={open}
      title={t(editing ? 'advisors.form.editTitle' : 'advisors.form.createTitle')}
      okText={t('advisors.form.save')}
      cancelText={t('advisors.form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving || creating.saving}
      okButtonProps={{ 'data-testid': 'advisor-save' } as Record<string, string>}
      destroyOnHidden
    >
      <Form<AdvisorForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        initialValues={
          editing
            ? {
                name: editing.name,
                contact: editing.contact,
                capacity: editing.capacity,
                active: editing.active,
              }
            : { capacity: 50, active: true }
        }
        onFinish={submit}
        onValuesChange={creating.valuesChanged}
      >
        <Form.Item
          name="name"
          label={t('advisors.form.name')}
          rules={required(t('advisors.form.name'))}
        >
          <Input maxLength={200} data-testid="advisor-name" />
        </Form.Item>
        <Form.Item
          name="contact"
          label={t('advisors.form.contact')}
          extra={t('advisors.form.contactHelp')}
          rules={required(t('advisors.form.contact'))}
        >
          <Input maxLength={500} data-testid="advisor-contact" />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t('advisors.form.capacity')}
          extra={editing ? t('advisors.form.capacityHelp') : undefined}
          rules={[
            {
              required: true,
              message: t('advisors.form.required', { field: t('advisors.form.capacity') }),
            },
          ]}
        >
          <InputNumber min={0} max={1_000_000} precision={0} data-testid="advisor-capacity" />
        </Form.Item>
        <Form.Item name="active" label={t('advisors.form.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {creating.otherErrors.length > 0 ? (
        <Typography.Text type="danger">
          {creating.otherErrors.map((e) => e.message).join(' ')}
        </Typography.Text>
      ) : null}
    </Modal>
  )
}

/** The members one advisor serves, a page at a time. */
function AdvisorMembersDrawer({
  advisor,
  onClose,
}: {
  advisor: Advisor | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { api, program } = useAdminSession()
  const format = useFormat(program?.timezone)
  const [stack, setStack] = useState<CursorStack>([])
  const cursor = currentCursor(stack)
  const members = useQuery(
    advisor ? JSON.stringify(['advisor-members', advisor.id, cursor ?? null]) : null,
    (signal) => listAdvisorMembers(api, advisor?.id ?? '', { limit: 20, cursor }, signal),
  )
  const columns: TableColumnsType<AdvisorMember> = [
    {
      title: t('advisors.drawer.member'),
      key: 'member',
      render: (_, m) => (
        <Flex vertical>
          <span>{m.name ?? m.external_id}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.external_id}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('advisors.drawer.tier'), dataIndex: 'tier', key: 'tier' },
    {
      title: t('advisors.drawer.assignedAt'),
      key: 'assigned_at',
      render: (_, m) => format.dateTime(m.assigned_at),
    },
  ]
  return (
    <Drawer
      open={advisor !== null}
      onClose={() => {
        setStack([])
        onClose()
      }}
      title={advisor ? t('advisors.drawer.title', { name: advisor.name }) : ''}
      size="large"
    >
      {members.error ? <ErrorAlert error={members.error} onRetry={members.reload} /> : null}
      <Table<AdvisorMember>
        rowKey="id"
        columns={columns}
        dataSource={members.error ? [] : (members.data?.data ?? [])}
        loading={members.loading}
        pagination={false}
        locale={{ emptyText: <Empty description={t('advisors.drawer.empty')} /> }}
        data-testid="advisor-members"
      />
      <CursorPager
        stack={stack}
        nextCursor={members.data?.next_cursor ?? null}
        loading={members.loading}
        onChange={setStack}
      />
    </Drawer>
  )
}

/** Dedicated advisors with their load, added, edited and removed; each one's members. */
export function AdvisorsPanel() {
  const { t } = useTranslation()
  const { api } = useAdminSession()
  const { message } = App.useApp()
  const toastError = useErrorToast()
  const [modal, setModal] = useState<{ editing: Advisor | null } | null>(null)
  const [showing, setShowing] = useState<Advisor | null>(null)
  const list = useQuery(JSON.stringify(['advisors']), (signal) =>
    listAdvisors(api, { limit: PAGE_SIZE }, signal),
  )
  const advisors = list.error ? [] : (list.data?.data ?? [])

  const remove = async (advisor: Advisor) => {
    try {
      await deleteAdvisor(api, advisor.id)
      void message.success(t('advisors.removed', { name: advisor.name }))
      list.reload()
    } catch (error) {
      toastError(error)
    }
  }

  const columns: TableColumnsType<Advisor> = [
    {
      title: t('advisors.columns.name'),
      key: 'name',
      render: (_, a) => <span data-testid="advisor-row-name">{a.name}</span>,
    },
    { title: t('advisors.columns.contact'), dataIndex: 'contact', key: 'contact' },
    { title: t('advisors.columns.load'), key: 'load', render: (_, a) => <LoadBar advisor={a} /> },
    {
      title: t('advisors.columns.active'),
      key: 'active',
      render: (_, a) => (a.active ? t('common.yes') : t('common.no')),
    },
    {
      title: t('advisors.columns.actions'),
      key: 'actions',
      render: (_, a) => (
        <Flex gap={4} wrap>
          <Button
            size="small"
            type="link"
            onClick={() => setShowing(a)}
            data-testid="advisor-members-open"
          >
            {t('advisors.members')}
          </Button>
          <Button
            size="small"
            type="link"
            onClick={() => setModal({ editing: a })}
            data-testid="advisor-edit"
          >
            {t('advisors.edit')}
          </Button>
          <Popconfirm
            title={t('advisors.removeConfirm', { name: a.name })}
            onConfirm={() => remove(a)}
          >
            <Button size="small" type="link" danger data-testid="advisor-remove">
              {t('advisors.remove')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ]

  return (
    <Flex vertical gap={16} data-testid="advisors-panel">
      <Flex justify="space-between" align="flex-start" gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 720 }}>
          {t('advisors.subtitle')}
        </Typography.Paragraph>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setModal({ editing: null })}
          data-testid="advisor-add"
        >
          {t('advisors.add')}
        </Button>
      </Flex>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Advisor>
        rowKey="id"
        columns={columns}
        dataSource={advisors}
        loading={list.loading}
        pagination={false}
        locale={{ emptyText: <Empty description={t('advisors.empty')} /> }}
        data-testid="advisors-table"
      />
      <AdvisorModal
        open={modal !== null}
        editing={modal?.editing ?? null}
        onClose={() => setModal(null)}
        onSaved={(advisor, created) => {
          setModal(null)
          void message.success(
            t(created ? 'advisors.created' : 'advisors.saved', { name: advisor.name }),
          )
          list.reload()
        }}
      />
      <AdvisorMembersDrawer advisor={showing} onClose={() => setShowing(null)} />
    </Flex>
  )
}
