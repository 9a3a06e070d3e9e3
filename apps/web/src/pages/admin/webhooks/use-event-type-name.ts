import { useTranslation } from 'react-i18next'
import { ALL_EVENTS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../api/webhooks'

type Listed = (typeof WEBHOOK_EVENT_TYPES)[number]
const LISTED = new Set<string>(WEBHOOK_EVENT_TYPES)

/** An event type in words (`member.created` → 会员入会); one the app does not know, as it is. */
export function useEventTypeName(): (type: WebhookEventType | string) => string {
  const { t } = useTranslation()
  return (type) => {
    if (type === ALL_EVENTS) return t('webhooks.allEvents')
    return LISTED.has(type) ? t(`webhooks.events.${type as Listed}`) : type
  }
}
