import { SyncOutlined } from '@ant-design/icons'
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportStatus } from '../../../api/imports'

const COLORS: Record<ImportStatus, string> = {
  running: 'processing',
  done: 'success',
  failed: 'error',
}

/** 导入中 / 已完成 / 失败, in colour. */
export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { t } = useTranslation()
  return (
    <Tag
      color={COLORS[status]}
      icon={status === 'running' ? <SyncOutlined spin /> : undefined}
      data-testid="import-status"
      data-status={status}
    >
      {t(`imports.statuses.${status}`)}
    </Tag>
  )
}
