import { Card, Tabs, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { AdvisorsPanel } from './AdvisorsPanel'
import { ReleasesPanel } from './ReleasesPanel'

/** Member benefits and services: each part in a tab of its own. */
export function BenefitsPage() {
  const { t } = useTranslation()
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('admin.nav.benefits')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'advisors', label: t('advisors.tab'), children: <AdvisorsPanel /> },
          { key: 'releases', label: t('releases.tab'), children: <ReleasesPanel /> },
        ]}
      />
    </Card>
  )
}
