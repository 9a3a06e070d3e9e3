import { useTranslation } from 'react-i18next'
import { ComingSoon } from '../../../components/ComingSoon'

export function CouponsPage() {
  const { t } = useTranslation()
  return <ComingSoon section={t('admin.nav.coupons')} />
}
