import { CalendarOutlined } from '@ant-design/icons'
import { App, Button, Skeleton, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  bookPortalAppointment,
  cancelPortalAppointment,
  listPortalAppointments,
  listPortalSlots,
  type PortalSlot,
} from '../../api/appointments'
import type { ApiClient } from '../../api/client'
import { newIdempotencyKey } from '../../api/idempotency'
import { useQuery } from '../../api/use-query'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useErrorMessage } from '../../i18n/use-error-message'
import { useFormat } from '../../i18n/use-format'

/** 预约服务: slots the member may book (or why not), and its bookings to cancel. */
export function PortalAppointments({ api, timeZone }: { api: ApiClient; timeZone?: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const errorMessage = useErrorMessage()
  const format = useFormat(timeZone)
  const [version, setVersion] = useState(0)
  const [busy, setBusy] = useState<string | null>(null)
  const slots = useQuery(`portal:slots:${version}`, (signal) => listPortalSlots(api, signal))
  const mine = useQuery(`portal:appointments:${version}`, (signal) =>
    listPortalAppointments(api, signal),
  )

  async function act(id: string, run: () => Promise<unknown>, done: string) {
    setBusy(id)
    try {
      await run()
      void message.success(done)
    } catch (caught) {
      void message.error(errorMessage(caught))
    } finally {
      setBusy(null)
      setVersion((n) => n + 1)
    }
  }

  const span = (start: string, end: string) => {
    let until: string
    try {
      until = new Intl.DateTimeFormat(format.locale, { timeStyle: 'short', timeZone }).format(
        new Date(end),
      )
    } catch {
      until = format.dateTime(end)
    }
    return `${format.dateTime(start)} – ${until}`
  }

  function action(slot: PortalSlot) {
    if (slot.my_appointment) return <Tag color="green">{t('portalServices.booked')}</Tag>
    if (!slot.tier_allowed)
      return <Tag data-testid="portal-slot-tier">{t('portalServices.tierRequired')}</Tag>
    if (slot.remaining === 0) return <Tag>{t('portalServices.full')}</Tag>
    return (
      <Button
        type="primary"
        size="small"
        loading={busy === slot.id}
        disabled={busy !== null}
        data-testid="portal-slot-book"
        onClick={() =>
          act(
            slot.id,
            () => bookPortalAppointment(api, slot.id, newIdempotencyKey()),
            t('portalServices.bookedToast'),
          )
        }
      >
        {t('portalServices.book')}
      </Button>
    )
  }

  return (
    <section className="lb-portal-panel" data-testid="portal-appointments">
      <h2 className="lb-portal-panel-title">{t('portalServices.myAppointments')}</h2>
      {mine.error ? <ErrorAlert error={mine.error} onRetry={mine.reload} /> : null}
      {mine.data && mine.data.data.length === 0 ? (
        <p className="lb-portal-muted lb-portal-empty">{t('portalServices.noAppointments')}</p>
      ) : null}
      {(mine.data?.data ?? []).map((appointment) => (
        <div className="lb-portal-row" key={appointment.id} data-testid="portal-appointment">
          <CalendarOutlined className="lb-portal-icon" />
          <div className="lb-portal-row-text">
            <div data-testid="portal-appointment-service">{appointment.service}</div>
            <div className="lb-portal-muted">
              {span(appointment.starts_at, appointment.ends_at)}
            </div>
          </div>
          <Button
            size="small"
            danger
            loading={busy === appointment.id}
            disabled={busy !== null}
            data-testid="portal-appointment-cancel"
            onClick={() =>
              act(
                appointment.id,
                () => cancelPortalAppointment(api, appointment.id),
                t('portalServices.cancelledToast'),
              )
            }
          >
            {t('portalServices.cancel')}
          </Button>
        </div>
      ))}
      <h2 className="lb-portal-panel-title">{t('portalServices.appointments')}</h2>
      {slots.error ? <ErrorAlert error={slots.error} onRetry={slots.reload} /> : null}
      {slots.loading && !slots.data ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : null}
      {slots.data && slots.data.data.length === 0 ? (
        <p className="lb-portal-muted lb-portal-empty">{t('portalServices.noSlots')}</p>
      ) : null}
      {(slots.data?.data ?? []).map((slot) => (
        <div className="lb-portal-row" key={slot.id} data-testid="portal-slot" data-slot={slot.id}>
          <CalendarOutlined className="lb-portal-icon" />
          <div className="lb-portal-row-text">
            <div data-testid="portal-slot-service">{slot.service}</div>
            <div className="lb-portal-muted">{span(slot.starts_at, slot.ends_at)}</div>
            <div className="lb-portal-muted">
              {t('portalServices.remaining', { count: slot.remaining })}
            </div>
          </div>
          {action(slot)}
        </div>
      ))}
    </section>
  )
}
