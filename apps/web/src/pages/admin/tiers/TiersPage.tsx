import { Card, Flex, Skeleton, Typography } from 'antd'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getTierDistribution, getTierLadder, type TierLadder } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useAdminSession } from '../../../session/AdminSession'
import { LadderEditor } from './LadderEditor'
import { ReevaluationProgress } from './ReevaluationProgress'
import { TierDistributionCard } from './TierDistributionCard'

/** The tiers section: the ladder editor, the re-evaluation after a save, the distribution. */
export default function TiersPage() {
  const { t } = useTranslation()
  const { api, program } = useAdminSession()
  const currency = program?.currency ?? 'CNY'
  const ladder = useQuery('tiers', (signal) => getTierLadder(api, signal))
  // The ladder as last saved here (the PUT answers it), over the one first loaded.
  const [saved, setSaved] = useState<TierLadder | null>(null)
  const [run, setRun] = useState<{ id: string; total?: number } | null>(null)
  const [distributionVersion, setDistributionVersion] = useState(0)
  const distribution = useQuery(`tiers:distribution:${distributionVersion}`, (signal) =>
    getTierDistribution(api, signal),
  )
  const current = saved ?? ladder.data
  const memberCount = distribution.data?.tiers.reduce((sum, tier) => sum + tier.count, 0)

  const onFinished = useCallback(() => setDistributionVersion((n) => n + 1), [])

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('tiers.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('tiers.subtitle')}</Typography.Text>
      </div>
      {ladder.error && !current ? (
        <ErrorAlert error={ladder.error} onRetry={ladder.reload} />
      ) : null}
      {!current && !ladder.error ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : null}
      {current ? (
        <LadderEditor
          // A saved ladder starts a fresh draft from what the server kept.
          key={JSON.stringify(current)}
          api={api}
          ladder={current}
          currency={currency}
          onSaved={({ reevaluation, ...kept }) => {
            setSaved(kept)
            setRun({ id: reevaluation.run_id, total: memberCount })
          }}
          status={
            run ? (
              <ReevaluationProgress
                key={run.id}
                api={api}
                runId={run.id}
                total={run.total}
                onFinished={onFinished}
              />
            ) : null
          }
        />
      ) : null}
      <TierDistributionCard
        distribution={distribution.data}
        ladder={current?.tiers}
        error={distribution.error}
        onRetry={distribution.reload}
      />
    </Flex>
  )
}
