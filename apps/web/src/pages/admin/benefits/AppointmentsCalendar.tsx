import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Segmented,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type AppointmentSlot,
  bookAppointment,
  cancelAppointment,
  createAppointmentSlot,
  deleteAppointmentSlot,
  listAllSlots,
  listSlotBookings,
  type SlotBooking,
} from '../../../api/appointments'
import { newIdempotencyKey } from '../../../api/idempotency'
import { getTierLadder } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useErrorMessage } from '../../../i18n/use-error-message'
import { useFormat } from '../../../i18n/use-format'
import { zonedInputToIso } from '../../../i18n/zoned-time'
import { useAdminSession } from '../../../session/AdminSession'
import {
  addDays,
  type CalendarMode,
  dayAndTime,
  daysShown,
  rangeOf,
  todayIn,
} from './calendar-days'

/** The program's tiers as options, key → name. */
function useTierOptions() {
  const { api } = useAdminSession()
  const ladder = useQuery('benefits:tier-ladder', (signal) => getTierLadder(api, signal))
  return useMemo(
    () => (ladder.data?.tiers ?? []).map((tier) => ({ value: tier.key, label: tier.name })),
    [ladder.data],
  )
}

/**
 * 预约日历: the slots of a day or a week on the program's wall clock, each with its places;
 * a slot opens its bookings, where staff books for a member or cancels; a form adds slots.
 */
export function AppointmentsCalendar() {
  const { t } = useTranslation()
  const { api, program } = useAdminSession()
  const timeZone = program?.timezone ?? 'Asia/Shanghai'
  const [mode, setMode] = useState<CalendarMode>('week')
  const [anchor, setAnchor] = useState(() => todayIn(timeZone))
  const [adding, setAdding] = useState(false)
  const [openSlot, setOpenSlot] = useState<AppointmentSlot | null>(null)
  const days = daysShown(anchor, mode)
  const { from, to } = rangeOf(days, timeZone)
  const slots = useQuery(JSON.stringify(['appointment-slots', from, to]), (signal) =>
    listAllSlots(api, from, to, signal),
  )
  const byDay = new Map<string, AppointmentSlot[]>(days.map((day) => [day, []]))
  for (const slot of slots.data ?? [])
    byDay.get(dayAndTime(slot.starts_at, timeZone).day)?.push(slot)
  const step = mode === 'day' ? 1 : 7

  return (
    <Flex vertical gap={16} data-testid="appointments-calendar">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <Flex vertical gap={4}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('appointments.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('appointments.subtitle')}</Typography.Text>
        </Flex>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          data-testid="slot-add"
        >
          {t('appointments.add')}
        </Button>
      </Flex>
      <Flex gap={8} align="center" wrap>
        <Segmented<CalendarMode>
          value={mode}
          onChange={setMode}
          options={[
            {
              value: 'day',
              label: <span data-testid="calendar-mode-day">{t('appointments.day')}</span>,
            },
            {
              value: 'week',
              label: <span data-testid="calendar-mode-week">{t('appointments.week')}</span>,
            },
          ]}
        />
        <Button
          icon={<LeftOutlined />}
          aria-label={t('appointments.previous')}
          onClick={() => setAnchor(addDays(anchor, -step))}
          data-testid="calendar-previous"
        />
        <Button onClick={() => setAnchor(todayIn(timeZone))} data-testid="calendar-today">
          {t('appointments.today')}
        </Button>
        <Button
          icon={<RightOutlined />}
          aria-label={t('appointments.next')}
          onClick={() => setAnchor(addDays(anchor, step))}
          data-testid="calendar-next"
        />
        <Typography.Text strong data-testid="calendar-range">
          {days.length === 1 ? days[0] : `${days[0]} – ${days.at(-1)}`}
        </Typography.Text>
      </Flex>
      {slots.error ? <ErrorAlert error={slots.error} onRetry={slots.reload} /> : null}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: `repeat(${days.length}, minmax(150px, 1fr))`,
          gap: 8,
          overflowX: 'auto',
        }}
      >
        {days.map((day) => (
          <Card
            key={day}
            size="small"
            title={day.slice(5)}
            loading={slots.loading && !slots.data}
            data-testid={`calendar-day-${day}`}
            styles={{ body: { padding: 8 } }}
          >
            <Flex vertical gap={6}>
              {(byDay.get(day) ?? []).map((slot) => (
                <SlotCard
                  key={slot.id}
                  slot={slot}
                  timeZone={timeZone}
                  onOpen={() => setOpenSlot(slot)}
                />
              ))}
              {(byDay.get(day) ?? []).length === 0 && slots.data ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  —
                </Typography.Text>
              ) : null}
            </Flex>
          </Card>
        ))}
      </div>
      {slots.data && slots.data.length === 0 ? (
        <Empty description={t('appointments.empty')} data-testid="calendar-empty" />
      ) : null}
      <AddSlotModal
        open={adding}
        timeZone={timeZone}
        defaultDay={anchor}
        onClose={() => setAdding(false)}
        onCreated={(slot) => {
          setAdding(false)
          setAnchor(dayAndTime(slot.starts_at, timeZone).day)
          slots.reload()
        }}
      />
      <SlotDrawer
        slot={openSlot}
        timeZone={timeZone}
        onClose={() => setOpenSlot(null)}
        onChanged={slots.reload}
      />
    </Flex>
  )
}

function SlotCard({
  slot,
  timeZone,
  onOpen,
}: {
  slot: AppointmentSlot
  timeZone: string
  onOpen: () => void
}) {
  const { t } = useTranslation()
  const start = dayAndTime(slot.starts_at, timeZone).time
  const end = dayAndTime(slot.ends_at, timeZone).time
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      data-testid="calendar-slot"
      data-slot={slot.id}
      styles={{ body: { padding: 8 } }}
    >
      <Flex vertical gap={2}>
        <Typography.Text strong>
          {start}–{end}
        </Typography.Text>
        <Typography.Text data-testid="calendar-slot-service">{slot.service}</Typography.Text>
        <Typography.Text
          type={slot.remaining === 0 ? 'danger' : 'secondary'}
          style={{ fontSize: 12 }}
          data-testid="calendar-slot-places"
        >
          {t('appointments.places', { booked: slot.booked, capacity: slot.capacity })}
        </Typography.Text>
        {slot.tiers ? (
          <Tag style={{ marginInlineEnd: 0, width: 'fit-content' }}>
            {t('appointments.onlyTiers', { tiers: slot.tiers.join(', ') })}
          </Tag>
        ) : null}
      </Flex>
    </Card>
  )
}

interface SlotFormValues {
  service: string
  starts_at: string
  ends_at: string
  capacity: number
  tiers?: string[]
}

function AddSlotModal({
  open,
  timeZone,
  defaultDay,
  onClose,
  onCreated,
}: {
  open: boolean
  timeZone: string
  defaultDay: string
  onClose: () => void
  onCreated: (slot: AppointmentSlot) => void
}) {
  const { t } = useTranslation()
  const { api } = useAdminSession()
  const { message } = App.useApp()
  const errorMessage = useErrorMessage()
  const tiers = useTierOptions()
  const [form] = Form.useForm<SlotFormValues>()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>(null)
  // One key per opening of the form: a double click saves one slot.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)

  async function submit(values: SlotFormValues) {
    const startsAt = zonedInputToIso(values.starts_at, timeZone)
    const endsAt = zonedInputToIso(values.ends_at, timeZone)
    if (!startsAt || !endsAt) return
    setSaving(true)
    setError(null)
    try {
      const slot = await createAppointmentSlot(
        api,
        {
          service: values.service.trim(),
          starts_at: startsAt,
          ends_at: endsAt,
          capacity: values.capacity,
          ...(values.tiers && values.tiers.length > 0 ? { tiers: values.tiers } : {}),
        },
        idempotencyKey,
      )
      message.success(t('appointments.form.created', { service: slot.service }))
      form.resetFields()
      setIdempotencyKey(newIdempotencyKey())
      onCreated(slot)
    } catch (caught) {
      setError(caught)
      message.error(errorMessage(caught))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t('appointments.form.title')}
      onCancel={onClose}
      okText={t('appointments.form.submit')}
      cancelText={t('appointments.form.cancel')}
      okButtonProps={{ loading: saving, 'data-testid': 'slot-form-submit' }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<SlotFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          capacity: 1,
          starts_at: `${defaultDay}T10:00`,
          ends_at: `${defaultDay}T11:00`,
        }}
        data-testid="slot-form"
      >
        <Form.Item
          name="service"
          label={t('appointments.form.service')}
          rules={[{ required: true, whitespace: true, message: t('appointments.form.required') }]}
        >
          <Input
            maxLength={200}
            placeholder={t('appointments.form.servicePlaceholder')}
            data-testid="slot-service"
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="starts_at"
            label={t('appointments.form.startsAt')}
            rules={[{ required: true, message: t('appointments.form.required') }]}
            style={{ flex: 1 }}
          >
            <Input type="datetime-local" data-testid="slot-starts-at" />
          </Form.Item>
          <Form.Item
            name="ends_at"
            label={t('appointments.form.endsAt')}
            dependencies={['starts_at']}
            rules={[
              { required: true, message: t('appointments.form.required') },
              ({ getFieldValue }) => ({
                validator(_, value: string) {
                  const start = getFieldValue('starts_at') as string
                  return !value || !start || value > start
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('appointments.form.endAfterStart')))
                },
              }),
            ]}
            style={{ flex: 1 }}
          >
            <Input type="datetime-local" data-testid="slot-ends-at" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="capacity"
          label={t('appointments.form.capacity')}
          rules={[{ required: true, message: t('appointments.form.required') }]}
        >
          <InputNumber min={1} max={1_000_000} precision={0} data-testid="slot-capacity" />
        </Form.Item>
        <Form.Item name="tiers" label={t('appointments.form.tiers')}>
          <Select
            mode="multiple"
            allowClear
            options={tiers}
            placeholder={t('appointments.form.tiersPlaceholder')}
            data-testid="slot-tiers"
          />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  )
}

/** A slot's bookings, with staff booking and cancelling for members, and deleting the slot. */
function SlotDrawer({
  slot,
  timeZone,
  onClose,
  onChanged,
}: {
  slot: AppointmentSlot | null
  timeZone: string
  onClose: () => void
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const { api } = useAdminSession()
  const { message } = App.useApp()
  const errorMessage = useErrorMessage()
  const format = useFormat(timeZone)
  const [member, setMember] = useState('')
  const [busy, setBusy] = useState(false)
  const bookings = useQuery(slot ? `slot-bookings:${slot.id}` : null, (signal) =>
    listSlotBookings(api, slot?.id as string, { status: 'booked' }, signal),
  )

  async function act(run: () => Promise<string>) {
    setBusy(true)
    try {
      message.success(await run())
      bookings.reload()
      onChanged()
    } catch (caught) {
      message.error(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  const columns: TableColumnsType<SlotBooking> = [
    {
      title: t('appointments.slot.member'),
      key: 'member',
      render: (_, booking) => (
        <Flex vertical>
          <span data-testid="slot-booking-member">
            {booking.member_name ?? booking.member_external_id}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {booking.member_external_id}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('appointments.slot.bookedAt'),
      key: 'booked_at',
      render: (_, booking) => format.dateTime(booking.booked_at),
    },
    {
      title: t('appointments.slot.bookedBy'),
      key: 'booked_by',
      render: (_, booking) =>
        booking.booked_by === 'member'
          ? t('appointments.slot.byMember')
          : t('appointments.slot.byStaff'),
    },
    {
      key: 'cancel',
      render: (_, booking) => (
        <Button
          size="small"
          danger
          disabled={busy}
          data-testid="slot-booking-cancel"
          onClick={() =>
            act(async () => {
              await cancelAppointment(api, booking.member, booking.id)
              return t('appointments.slot.cancelled')
            })
          }
        >
          {t('appointments.slot.cancel')}
        </Button>
      ),
    },
  ]

  const when = slot
    ? `${format.dateTime(slot.starts_at)} – ${dayAndTime(slot.ends_at, timeZone).time}`
    : ''
  return (
    <Drawer
      open={slot !== null}
      onClose={onClose}
      size={640}
      title={slot ? t('appointments.slot.title', { service: slot.service, time: when }) : ''}
      destroyOnHidden
      extra={
        slot ? (
          <Popconfirm
            title={t('appointments.slot.deleteConfirm')}
            onConfirm={() =>
              act(async () => {
                const deleted = await deleteAppointmentSlot(api, slot.id)
                onClose()
                return t('appointments.slot.deleted', { count: deleted.bookings_cancelled })
              })
            }
          >
            <Button danger data-testid="slot-delete">
              {t('appointments.slot.delete')}
            </Button>
          </Popconfirm>
        ) : null
      }
    >
      <Flex vertical gap={16} data-testid="slot-drawer">
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{t('appointments.slot.bookFor')}</Typography.Text>
          <Input
            value={member}
            onChange={(event) => setMember(event.target.value)}
            placeholder={t('appointments.slot.memberPlaceholder')}
            style={{ width: 240 }}
            data-testid="slot-book-member"
          />
          <Button
            type="primary"
            disabled={busy || member.trim() === '' || !slot}
            data-testid="slot-book-submit"
            onClick={() =>
              act(async () => {
                const ref = member.trim()
                await bookAppointment(api, ref, slot?.id as string, newIdempotencyKey())
                setMember('')
                return t('appointments.slot.booked', { member: ref })
              })
            }
          >
            {t('appointments.slot.book')}
          </Button>
        </Flex>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('appointments.slot.bookings')}
        </Typography.Title>
        {bookings.error ? <ErrorAlert error={bookings.error} onRetry={bookings.reload} /> : null}
        <Table<SlotBooking>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={bookings.data?.data ?? []}
          loading={bookings.loading}
          pagination={false}
          locale={{ emptyText: t('appointments.slot.noBookings') }}
          data-testid="slot-bookings"
        />
      </Flex>
    </Drawer>
  )
}
