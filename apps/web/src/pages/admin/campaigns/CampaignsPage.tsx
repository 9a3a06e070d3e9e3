import { useTranslation } from 'react-i18next'
import { ComingSoon } from '../../../components/ComingSoon'

export function CampaignsPage() {
  const { t } = useTranslation()
  return <ComingSoon section={t('admin.nav.campaigns')} />
}
