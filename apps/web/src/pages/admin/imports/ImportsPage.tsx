import { Flex, Typography } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Import, listImports } from '../../../api/imports'
import { useQuery } from '../../../api/use-query'
import { type CursorStack, currentCursor } from '../../../components/cursor-stack'
import { useAdminSession } from '../../../session/AdminSession'
import { ImportHistory } from './ImportHistory'
import { ImportResult } from './ImportResult'
import { ImportUpload } from './ImportUpload'

const PAGE_SIZE = 20
/** While an import on the history's page runs, the page is read again this often. */
const REFRESH_MS = 2_000

/**
 * 数据导入 (docs/import-export.md): operators without a shell upload a CSV file of members or
 * orders, watch it being imported, see the result and the rejected records, download them all;
 * past imports can be opened again.
 */
export function ImportsPage() {
  const { t } = useTranslation()
  const { api } = useAdminSession()
  const [shown, setShown] = useState<Import | null>(null)
  const [stack, setStack] = useState<CursorStack>([])
  const cursor = currentCursor(stack)
  const key = JSON.stringify(['imports', cursor])
  const history = useQuery(key, (signal) => listImports(api, { limit: PAGE_SIZE, cursor }, signal))
  const page = history.error ? undefined : history.data
  const { reload } = history
  const resultRef = useRef<HTMLDivElement>(null)
  const shownId = shown?.id

  // An import opened (or started) comes into view, wherever the history's row was.
  useEffect(() => {
    if (shownId) resultRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'nearest' })
  }, [shownId])

  // Imports started in another tab move on by themselves: followed while any on the page runs.
  const running = page?.data.some((item) => item.status === 'running') ?? false
  useEffect(() => {
    if (!running || history.loading) return
    const timer = window.setTimeout(reload, REFRESH_MS)
    return () => window.clearTimeout(timer)
  }, [running, history.loading, reload])

  const started = useCallback(
    (item: Import) => {
      setShown(item)
      setStack([])
      reload()
    },
    [reload],
  )

  return (
    <Flex vertical gap={16}>
      <Flex vertical gap={4}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('imports.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('imports.subtitle')}</Typography.Text>
      </Flex>
      <ImportUpload onStarted={started} />
      {shown ? (
        <div ref={resultRef}>
          <ImportResult key={shown.id} shown={shown} onEnded={reload} />
        </div>
      ) : null}
      <ImportHistory
        page={page}
        // A refresh of the same page keeps its rows on screen; another page loads.
        loading={history.loading && history.dataKey !== key}
        error={history.error}
        stack={stack}
        selected={shown?.id ?? null}
        onPage={setStack}
        onOpen={setShown}
        onReload={reload}
      />
    </Flex>
  )
}
