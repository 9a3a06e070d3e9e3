import { StarOutlined } from '@ant-design/icons'
import { App, Button, Flex, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listPortalEvents, type PortalEvent, rsvpPortalEvent } from '../../api/appointments'
import type { ApiClient } from '../../api/client'
import { newIdempotencyKey } from '../../api/idempotency'
import { useQuery } from '../../api/use-query'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useErrorMessage } from '../../i18n/use-error-message'
import { useFormat } from '../../i18n/use-format'

/** 活动邀请: the member's invitations and the events its tier may join, answered yes or no. */
export function PortalInvitations({ api, timeZone }: { api: ApiClient; timeZone?: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const errorMessage = useErrorMessage()
  const format = useFormat(timeZone)
  const [version, setVersion] = useState(0)
  const [busy, setBusy] = useState<string | null>(null)
  const events = useQuery(`portal:events:${version}`, (signal) => listPortalEvents(api, signal))

  async function answer(item: PortalEvent, attending: boolean) {
    const id = item.exclusive_event.id
    setBusy(id)
    try {
      await rsvpPortalEvent(api, id, attending, newIdempotencyKey())
      void message.success(
        attending ? t('portalServices.answeredYes') : t('portalServices.answeredNo'),
      )
    } catch (caught) {
      void message.error(errorMessage(caught))
    } finally {
      setBusy(null)
      setVersion((n) => n + 1)
    }
  }

  return (
    <section className="lb-portal-panel" data-testid="portal-invitations">
      <h2 className="lb-portal-panel-title">{t('portalServices.events')}</h2>
      {events.error ? <ErrorAlert error={events.error} onRetry={events.reload} /> : null}
      {events.data && events.data.data.length === 0 ? (
        <p className="lb-portal-muted lb-portal-empty">{t('portalServices.noEvents')}</p>
      ) : null}
      {(events.data?.data ?? []).map((item) => {
        const event = item.exclusive_event
        const rsvp = item.invitation?.rsvp ?? null
        return (
          <div className="lb-portal-row" key={event.id} data-testid="portal-event">
            <StarOutlined className="lb-portal-icon" />
            <div className="lb-portal-row-text">
              <div data-testid="portal-event-title">{event.title}</div>
              <div className="lb-portal-muted">
                {format.dateTime(event.starts_at)}
                {event.location ? ` · ${event.location}` : ''}
              </div>
              <div className="lb-portal-muted" data-testid="portal-event-state">
                {rsvp === 'yes'
                  ? t('portalServices.going')
                  : rsvp === 'no'
                    ? t('portalServices.notGoing')
                    : item.invitation
                      ? t('portalServices.invited')
                      : t('portalServices.eligible')}
                {' · '}
                {t('portalServices.remaining', { count: event.remaining })}
              </div>
            </div>
            {item.eligible ? (
              <Flex vertical gap={4}>
                {rsvp !== 'yes' ? (
                  <Button
                    type="primary"
                    size="small"
                    loading={busy === event.id}
                    disabled={busy !== null || event.remaining === 0}
                    onClick={() => answer(item, true)}
                    data-testid="portal-event-attend"
                  >
                    {t('portalServices.attend')}
                  </Button>
                ) : null}
                {rsvp !== 'no' ? (
                  <Button
                    size="small"
                    disabled={busy !== null}
                    onClick={() => answer(item, false)}
                    data-testid="portal-event-decline"
                  >
                    {t('portalServices.decline')}
                  </Button>
                ) : null}
              </Flex>
            ) : (
              <Tag>{t('portalServices.closed')}</Tag>
            )}
          </div>
        )
      })}
    </section>
  )
}
