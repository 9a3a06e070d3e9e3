import { Flex, Tabs, type TabsProps, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import { AdvisorsPanel } from './AdvisorsPanel'
import { AppointmentsCalendar } from './AppointmentsCalendar'
import { BenefitAudit } from './BenefitAudit'
import { BenefitMatrix } from './BenefitMatrix'
import { ExclusiveEventsPanel } from './ExclusiveEventsPanel'
import { ReleasesPanel } from './ReleasesPanel'

/**
 * 会员权益 · 个性化服务: one tab per part, each in a file of its own (the tier × benefit matrix,
 * the delivery audit, appointments, exclusive events, advisors, early access). The open tab is
 * kept in the address (`?tab=audit`).
 */
export function BenefitsPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const items: TabsProps['items'] = [
    {
      key: 'matrix',
      label: <span data-testid="benefits-tab-matrix">{t('benefits.tabs.matrix')}</span>,
      children: <BenefitMatrix />,
    },
    {
      key: 'audit',
      label: <span data-testid="benefits-tab-audit">{t('benefits.tabs.audit')}</span>,
      children: <BenefitAudit />,
    },
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
    {
      key: 'advisors',
      label: <span data-testid="benefits-tab-advisors">{t('advisors.tab')}</span>,
      children: <AdvisorsPanel />,
    },
    {
      key: 'releases',
      label: <span data-testid="benefits-tab-releases">{t('releases.tab')}</span>,
      children: <ReleasesPanel />,
    },
  ]
  const active = items.some((item) => item.key === params.get('tab'))
    ? (params.get('tab') as string)
    : 'matrix'
  return (
    <Flex vertical gap={8}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('benefits.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('benefits.subtitle')}</Typography.Text>
      </div>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={items}
        destroyOnHidden
      />
    </Flex>
  )
}
