import { ClockCircleOutlined } from '@ant-design/icons'
import { Result } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface ComingSoonProps {
  /** The section's name, already translated. */
  section: string
  /** Anything that already works in the section, shown under the notice. */
  children?: ReactNode
}

export function ComingSoon({ section, children }: ComingSoonProps) {
  const { t } = useTranslation()
  return (
    <>
      <Result
        icon={<ClockCircleOutlined />}
        title={t('admin.comingSoon.title', { section })}
        subTitle={t('admin.comingSoon.subtitle')}
        data-testid="coming-soon"
      />
      {children}
    </>
  )
}
