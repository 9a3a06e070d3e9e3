import { ExperimentOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type EarningRuleInput,
  previewEarningRule,
  type RulePreview,
} from '../../../api/earning-rules'
import { ProblemDetails, ProblemList } from '../../../components/ApiProblem'
import type { LocalisedError } from '../../../i18n/api-errors'
import { useLocaliseError } from '../../../i18n/use-error-message'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'
import { buildPreviewRequest, emptySample, type SampleFormValues } from './preview-sample'

export interface RulePreviewPanelProps {
  /** Whether the rule's trigger is `order.completed` (sample order) or an event. */
  isOrder: boolean
  paused: boolean
  currency: string
  /** Changes whenever the rule form does: an answer for an older draft is not shown. */
  draftKey: string
  /** The current draft, checked; null (with the problems shown by the editor) if it is not. */
  getDraft: () => Promise<EarningRuleInput | null>
}

/** "This order would earn N points": the draft rule against a sample, no side effects. */
export function RulePreviewPanel({
  isOrder,
  paused,
  currency,
  draftKey,
  getDraft,
}: RulePreviewPanelProps) {
  const { t } = useTranslation()
  const localise = useLocaliseError()
  const format = useFormat()
  const { api } = useAdminSession()
  const [form] = Form.useForm<SampleFormValues>()
  const [running, setRunning] = useState(false)
  const [result, setResult] = useState<{
    preview: RulePreview
    isOrder: boolean
    draftKey: string
  } | null>(null)
  // What stops the preview: a sentence of ours, or what the server said about the sample.
  const [problem, setProblem] = useState<string | null>(null)
  const [serverProblem, setServerProblem] = useState<LocalisedError | null>(null)

  const run = async () => {
    setProblem(null)
    setServerProblem(null)
    setResult(null)
    const draft = await getDraft()
    if (!draft) {
      setProblem(t('rules.form.fixErrors'))
      return
    }
    const built = buildPreviewRequest(draft, form.getFieldsValue(true), currency)
    if (!built.ok) {
      setProblem(t('rules.preview.invalidProperties'))
      return
    }
    setRunning(true)
    try {
      const preview = await previewEarningRule(api, built.request)
      setResult({ preview, isOrder: built.request.order !== undefined, draftKey })
    } catch (error) {
      const localised = localise(error)
      setProblem(localised.message)
      setServerProblem(localised)
    } finally {
      setRunning(false)
    }
  }

  return (
    <Card
      title={
        <span>
          <ExperimentOutlined /> {t('rules.preview.title')}
        </span>
      }
      data-testid="rule-preview"
    >
      <Typography.Paragraph type="secondary">{t('rules.preview.intro')}</Typography.Paragraph>
      <Form<SampleFormValues> form={form} layout="vertical" initialValues={emptySample()}>
        <Typography.Text strong>
          {isOrder ? t('rules.preview.sampleOrder') : t('rules.preview.sampleEvent')}
        </Typography.Text>
        {isOrder ? (
          <Row gutter={12} style={{ marginTop: 8 }}>
            <Col span={12}>
              <Form.Item name="amount" label={t('rules.preview.amount', { currency })}>
                <InputNumber
                  min={0}
                  precision={2}
                  style={{ width: '100%' }}
                  data-testid="preview-amount"
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="channel" label={t('rules.preview.channel')}>
                <Input
                  placeholder={t('rules.preview.channelPlaceholder')}
                  data-testid="preview-channel"
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="category" label={t('rules.preview.category')}>
                <Input
                  placeholder={t('rules.preview.categoryPlaceholder')}
                  data-testid="preview-category"
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="sku" label={t('rules.preview.sku')}>
                <Input data-testid="preview-sku" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="quantity" label={t('rules.preview.quantity')}>
                <InputNumber min={1} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Form.Item
            name="propertiesText"
            label={t('rules.preview.properties')}
            style={{ marginTop: 8 }}
          >
            <Input.TextArea
              className="lb-code"
              autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder={'{ "rating": 5 }'}
              spellCheck={false}
              data-testid="preview-properties"
            />
          </Form.Item>
        )}
        <Form.Item name="member" label={t('rules.preview.member')}>
          <Input placeholder={t('rules.preview.memberPlaceholder')} data-testid="preview-member" />
        </Form.Item>
      </Form>
      <Flex vertical gap={12}>
        <Button
          type="primary"
          ghost
          block
          loading={running}
          onClick={run}
          data-testid="preview-run"
        >
          {t('rules.preview.run')}
        </Button>
        {paused ? (
          <Typography.Text type="secondary">{t('rules.preview.pausedNote')}</Typography.Text>
        ) : null}
        {problem ? (
          <Alert
            type="error"
            showIcon
            title={problem}
            description={
              serverProblem ? (
                <>
                  {serverProblem.fields.length > 0 ? (
                    <ProblemList problems={serverProblem.fields} />
                  ) : null}
                  <ProblemDetails raw={serverProblem.raw} />
                </>
              ) : undefined
            }
            data-testid="preview-error"
          />
        ) : null}
        {result && result.draftKey === draftKey ? (
          <PreviewResult preview={result.preview} isOrder={result.isOrder} format={format} />
        ) : null}
      </Flex>
    </Card>
  )
}

function PreviewResult({
  preview,
  isOrder,
  format,
}: {
  preview: RulePreview
  isOrder: boolean
  format: ReturnType<typeof useFormat>
}) {
  const { t } = useTranslation()
  if (!preview.matched) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('rules.preview.noMatch')}
        description={t('rules.preview.noMatchHint')}
        data-testid="preview-result"
      />
    )
  }
  const values = { points: format.number(preview.points), growth: format.number(preview.growth) }
  return (
    <Alert
      type="success"
      showIcon
      title={
        isOrder ? t('rules.preview.orderResult', values) : t('rules.preview.eventResult', values)
      }
      description={
        preview.points_before_limits !== preview.points
          ? t('rules.preview.limited', { points: format.number(preview.points_before_limits) })
          : undefined
      }
      data-testid="preview-result"
    />
  )
}
