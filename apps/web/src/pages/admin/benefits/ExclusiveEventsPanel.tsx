import { PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type Attendee,
  createExclusiveEvent,
  type ExclusiveEvent,
  listEventInvitations,
  listExclusiveEvents,
  type RsvpFilter,
} from '../../../api/appointments'
import { newIdempotencyKey } from '../../../api/idempotency'
import { getTierLadder } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import { CursorPager } from '../../../components/CursorPager'
import { type CursorStack, currentCursor } from '../../../components/cursor-stack'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useErrorMessage } from '../../../i18n/use-error-message'
import { useFormat } from '../../../i18n/use-format'
import { zonedInputToIso } from '../../../i18n/zoned-time'
import { useAdminSession } from '../../../session/AdminSession'

const PAGE_SIZE = 20
const RSVP_TABS = ['yes', 'no', 'pending'] as const satisfies readonly RsvpFilter[]

/** 特别活动邀请: events with their invitations and answers, the attendee list, a create form. */
export function ExclusiveEventsPanel() {
  const { t } = useTranslation()
  const { api, program } = useAdminSession()
  const timeZone = program?.timezone ?? 'Asia/Shanghai'
  const format = useFormat(timeZone)
  const [stack, setStack] = useState<CursorStack>([])
  const [creating, setCreating] = useState(false)
  const [open, setOpen] = useState<ExclusiveEvent | null>(null)
  const ladder = useQuery('benefits:tier-ladder', (signal) => getTierLadder(api, signal))
  const tierName = useMemo(
    () => new Map((ladder.data?.tiers ?? []).map((tier) => [tier.key, tier.name])),
    [ladder.data],
  )
  const cursor = currentCursor(stack)
  const list = useQuery(JSON.stringify(['exclusive-events', cursor ?? null]), (signal) =>
    listExclusiveEvents(api, { limit: PAGE_SIZE, cursor }, signal),
  )

  const columns: TableColumnsType<ExclusiveEvent> = [
    {
      title: t('exclusiveEvents.columns.title'),
      key: 'title',
      render: (_, event) => (
        <Flex vertical>
          <Typography.Link onClick={() => setOpen(event)} data-testid="exclusive-event-link">
            {event.title}
          </Typography.Link>
          {event.location ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {event.location}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('exclusiveEvents.columns.startsAt'),
      key: 'starts_at',
      render: (_, event) => format.dateTime(event.starts_at),
    },
    {
      title: t('exclusiveEvents.columns.tiers'),
      key: 'tiers',
      render: (_, event) =>
        event.tiers.map((key) => <Tag key={key}>{tierName.get(key) ?? key}</Tag>),
    },
    {
      title: t('exclusiveEvents.columns.invited'),
      key: 'invited',
      render: (_, event) => (
        <span data-testid="exclusive-event-invited">{format.number(event.invited)}</span>
      ),
    },
    {
      title: t('exclusiveEvents.columns.attending'),
      key: 'attending',
      width: 180,
      render: (_, event) => (
        <Flex vertical>
          <Progress
            percent={Math.min(100, Math.round((event.attending / event.capacity) * 100))}
            size="small"
            status={event.remaining === 0 ? 'exception' : 'normal'}
            showInfo={false}
          />
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12 }}
            data-testid="exclusive-event-attending"
          >
            {format.number(event.attending)} / {format.number(event.capacity)}
          </Typography.Text>
        </Flex>
      ),
    },
  ]

  return (
    <Flex vertical gap={16} data-testid="exclusive-events-panel">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <Flex vertical gap={4}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('exclusiveEvents.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('exclusiveEvents.subtitle')}</Typography.Text>
        </Flex>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="exclusive-event-create"
        >
          {t('exclusiveEvents.create')}
        </Button>
      </Flex>
      <Card>
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <div style={{ overflowX: 'auto' }} data-testid="exclusive-events-table">
          <Table<ExclusiveEvent>
            rowKey="id"
            columns={columns}
            dataSource={list.error ? [] : (list.data?.data ?? [])}
            loading={list.loading}
            pagination={false}
            style={{ minWidth: 760 }}
            locale={{ emptyText: t('exclusiveEvents.empty') }}
          />
        </div>
        <CursorPager
          stack={stack}
          nextCursor={list.data?.next_cursor ?? null}
          loading={list.loading}
          onChange={setStack}
        />
      </Card>
      <CreateEventModal
        open={creating}
        timeZone={timeZone}
        tiers={(ladder.data?.tiers ?? []).map((tier) => ({ value: tier.key, label: tier.name }))}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false)
          setStack([])
          list.reload()
        }}
      />
      <AttendeesDrawer event={open} timeZone={timeZone} onClose={() => setOpen(null)} />
    </Flex>
  )
}

interface EventFormValues {
  title: string
  starts_at: string
  capacity: number
  tiers: string[]
  location?: string
  description?: string
}

function CreateEventModal({
  open,
  timeZone,
  tiers,
  onClose,
  onCreated,
}: {
  open: boolean
  timeZone: string
  tiers: { value: string; label: string }[]
  onClose: () => void
  onCreated: () => void
}) {
  const { t } = useTranslation()
  const { api } = useAdminSession()
  const { message } = App.useApp()
  const errorMessage = useErrorMessage()
  const [form] = Form.useForm<EventFormValues>()
  const [saving, setSaving] = useState(false)
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)

  async function submit(values: EventFormValues) {
    const startsAt = zonedInputToIso(values.starts_at, timeZone)
    if (!startsAt) return
    setSaving(true)
    try {
      const event = await createExclusiveEvent(
        api,
        {
          title: values.title.trim(),
          starts_at: startsAt,
          capacity: values.capacity,
          tiers: values.tiers,
          ...(values.location?.trim() ? { location: values.location.trim() } : {}),
          ...(values.description?.trim() ? { description: values.description.trim() } : {}),
        },
        idempotencyKey,
      )
      message.success(t('exclusiveEvents.form.created', { count: event.invited }))
      form.resetFields()
      setIdempotencyKey(newIdempotencyKey())
      onCreated()
    } catch (caught) {
      message.error(errorMessage(caught))
    } finally {
      setSaving(false)
    }
  }

  const required = { required: true, message: t('exclusiveEvents.form.required') }
  return (
    <Modal
      open={open}
      title={t('exclusiveEvents.form.title')}
      onCancel={onClose}
      okText={t('exclusiveEvents.form.submit')}
      cancelText={t('exclusiveEvents.form.cancel')}
      okButtonProps={{ loading: saving, 'data-testid': 'event-form-submit' }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<EventFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ capacity: 20 }}
      >
        <Form.Item
          name="title"
          label={t('exclusiveEvents.form.name')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input maxLength={200} data-testid="event-title" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="starts_at"
            label={t('exclusiveEvents.form.startsAt')}
            rules={[required]}
            style={{ flex: 1 }}
          >
            <Input type="datetime-local" data-testid="event-starts-at" />
          </Form.Item>
          <Form.Item name="capacity" label={t('exclusiveEvents.form.capacity')} rules={[required]}>
            <InputNumber min={1} max={1_000_000} precision={0} data-testid="event-capacity" />
          </Form.Item>
        </Flex>
        <Form.Item name="tiers" label={t('exclusiveEvents.form.tiers')} rules={[required]}>
          <Select mode="multiple" options={tiers} data-testid="event-tiers" />
        </Form.Item>
        <Form.Item name="location" label={t('exclusiveEvents.form.location')}>
          <Input maxLength={500} data-testid="event-location" />
        </Form.Item>
        <Form.Item name="description" label={t('exclusiveEvents.form.description')}>
          <Input.TextArea maxLength={4000} rows={3} data-testid="event-description" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** Who answered yes (the attendee list), no, or not yet: a page of 100 at a time. */
function AttendeesDrawer({
  event,
  timeZone,
  onClose,
}: {
  event: ExclusiveEvent | null
  timeZone: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [rsvp, setRsvp] = useState<RsvpFilter>('yes')
  return (
    <Drawer
      open={event !== null}
      onClose={onClose}
      size={640}
      title={event ? `${event.title} · ${t('exclusiveEvents.attendees.title')}` : ''}
      destroyOnHidden
    >
      {event ? (
        <Tabs
          activeKey={rsvp}
          onChange={(key) => setRsvp(key as RsvpFilter)}
          items={RSVP_TABS.map((key) => ({
            key,
            label: (
              <span data-testid={`attendees-tab-${key}`}>
                {t(`exclusiveEvents.attendees.${key}`)}
              </span>
            ),
            children:
              key === rsvp ? <AttendeeList event={event} rsvp={key} timeZone={timeZone} /> : null,
          }))}
        />
      ) : null}
    </Drawer>
  )
}

function AttendeeList({
  event,
  rsvp,
  timeZone,
}: {
  event: ExclusiveEvent
  rsvp: RsvpFilter
  timeZone: string
}) {
  const { t } = useTranslation()
  const { api } = useAdminSession()
  const format = useFormat(timeZone)
  const [stack, setStack] = useState<CursorStack>([])
  const cursor = currentCursor(stack)
  const page = useQuery(JSON.stringify(['invitations', event.id, rsvp, cursor ?? null]), (signal) =>
    listEventInvitations(api, event.id, { rsvp, limit: 100, cursor }, signal),
  )
  const columns: TableColumnsType<Attendee> = [
    {
      title: t('exclusiveEvents.attendees.member'),
      key: 'member',
      render: (_, row) => (
        <Flex vertical>
          <span data-testid="attendee-name">{row.member_name ?? row.member_external_id}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.member_external_id}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('exclusiveEvents.attendees.tier'), key: 'tier', dataIndex: 'tier' },
    {
      title:
        rsvp === 'pending'
          ? t('exclusiveEvents.attendees.invitedAt')
          : t('exclusiveEvents.attendees.respondedAt'),
      key: 'at',
      render: (_, row) => format.dateTime(row.responded_at ?? row.invited_at),
    },
  ]
  return (
    <>
      {page.error ? <ErrorAlert error={page.error} onRetry={page.reload} /> : null}
      <Table<Attendee>
        rowKey="member"
        size="small"
        columns={columns}
        dataSource={page.data?.data ?? []}
        loading={page.loading}
        pagination={false}
        locale={{ emptyText: t('exclusiveEvents.attendees.empty') }}
        data-testid={`attendees-${rsvp}`}
      />
      <CursorPager
        stack={stack}
        nextCursor={page.data?.next_cursor ?? null}
        loading={page.loading}
        onChange={setStack}
      />
    </>
  )
}
