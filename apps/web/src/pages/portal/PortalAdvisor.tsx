import { CustomerServiceOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { getPortalAdvisor } from '../../api/advisors'
import type { ApiClient } from '../../api/client'
import { useQuery } from '../../api/use-query'

/** The member's dedicated advisor (专属顾问) with how to reach them; nothing when none. */
export function PortalAdvisor({ api, token }: { api: ApiClient; token: string }) {
  const { t } = useTranslation()
  const found = useQuery(`portal:advisor:${token}`, (signal) => getPortalAdvisor(api, signal))
  const advisor = found.data?.advisor
  if (!advisor) return null
  return (
    <section className="lb-portal-panel lb-portal-cash" data-testid="portal-advisor">
      <CustomerServiceOutlined className="lb-portal-icon" />
      <div className="lb-portal-row-text">
        <div>
          {t('portalAdvisor.title')} · <span data-testid="portal-advisor-name">{advisor.name}</span>
        </div>
        <div className="lb-portal-muted">
          {t('portalAdvisor.contact')}:{' '}
          <span data-testid="portal-advisor-contact">{advisor.contact}</span>
        </div>
      </div>
    </section>
  )
}
