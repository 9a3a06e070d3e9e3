import { Card, Tabs, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { AdvisorsPanel } from './AdvisorsPanel'
import { AppointmentsCalendar } from './AppointmentsCalendar'
import { ExclusiveEventsPanel } from './ExclusiveEventsPanel'
import { ReleasesPanel } from './ReleasesPanel'

/** 会员权益 · 个性化服务: member benefits and services, each part in a tab of its own. */
export function BenefitsPage() {
  const { t } = useTranslation()
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('admin.nav.benefits')}
      </Typography.Title>
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
          { key: 'advisors', label: t('advisors.tab'), children: <AdvisorsPanel /> },
          { key: 'releases', label: t('releases.tab'), children: <ReleasesPanel /> },
        ]}
      />
    </Card>
  )
}
