import { Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { AppointmentsCalendar } from './AppointmentsCalendar'
import { ExclusiveEventsPanel } from './ExclusiveEventsPanel'

/** 会员权益 · 个性化服务: one tab per capability. */
export function BenefitsPage() {
  const { t } = useTranslation()
  return (
    <Tabs
      destroyOnHidden
      items={[
        {
          key: 'appointments',
          label: <span data-testid="benefits-tab-appointments">{t('appointments.tab')}</span>,
          children: <AppointmentsCalendar />,
        },
        {
          key: 'exclusive-events',
          label: <span data-testid="benefits-tab-events">{t('exclusiveEvents.tab')}</span>,
          children: <ExclusiveEventsPanel />,
        },
      ]}
    />
  )
}
