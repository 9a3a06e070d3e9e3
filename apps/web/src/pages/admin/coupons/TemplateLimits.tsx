import { Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CouponTemplate } from '../../../api/coupons'
import { useFormat } from '../../../i18n/use-format'

/** "每人限 2 张 · 共 1,000 张 · 不可叠加", one per line. */
export function TemplateLimits({ template }: { template: CouponTemplate }) {
  const { t } = useTranslation()
  const format = useFormat()
  const lines = [
    template.per_member_limit
      ? t('coupons.limits.perMember', { n: format.number(template.per_member_limit) })
      : null,
    template.total_limit
      ? t('coupons.limits.total', { n: format.number(template.total_limit) })
      : null,
  ].filter((line): line is string => line !== null)
  return (
    <Flex vertical>
      {lines.length > 0 ? (
        lines.map((line) => (
          <span key={line} style={{ whiteSpace: 'nowrap' }}>
            {line}
          </span>
        ))
      ) : (
        <span>{t('coupons.limits.none')}</span>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(template.stackable ? 'coupons.limits.stackable' : 'coupons.limits.notStackable')}
      </Typography.Text>
    </Flex>
  )
}
