import { ArrowLeftOutlined, DownOutlined, TeamOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Dropdown,
  Flex,
  Form,
  type FormInstance,
  Input,
  Row,
  Skeleton,
  Spin,
  Tag,
  Typography,
} from 'antd'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { ApiError } from '../../../api/client'
import { newIdempotencyKey } from '../../../api/idempotency'
import {
  createSegment,
  getSegment,
  previewSegment,
  SEGMENT_FIELDS,
  updateSegment,
} from '../../../api/segments'
import { getTierLadder } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import { ProblemDetails, ProblemList, useErrorToast } from '../../../components/ApiProblem'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useDebounced } from '../../../components/use-debounced'
import { describeFieldPath, type FieldProblem, type RawProblem } from '../../../i18n/api-errors'
import { useLocaliseError, useTranslate } from '../../../i18n/use-error-message'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'
import { formatCondition, insertCondition } from '../rules/condition'
import { SegmentMembersTable } from './SegmentMembersTable'
import {
  isConditionPath,
  MAX_SEGMENT_NAME_LENGTH,
  parseSegmentCondition,
  type SegmentFormValues,
  segmentTemplates,
} from './segment-form'

const PREVIEW_DEBOUNCE_MS = 500

/** Creates a segment, or edits one (`/admin/segments/:id/edit`), with a live count. */
export function SegmentEditorPage() {
  const { id } = useParams()
  const editing = id !== undefined
  const { t } = useTranslation()
  const { message } = App.useApp()
  const localise = useLocaliseError()
  const translate = useTranslate()
  const toastError = useErrorToast()
  const navigate = useNavigate()
  const { api, program } = useAdminSession()
  const format = useFormat(program?.timezone)
  const [form] = Form.useForm<SegmentFormValues>()
  const conditionText = (Form.useWatch('conditionText', form) as string | undefined) ?? ''
  const [saving, setSaving] = useState(false)
  const [otherErrors, setOtherErrors] = useState<FieldProblem[]>([])
  const [serverRaw, setServerRaw] = useState<RawProblem | null>(null)
  const keyRef = useRef<string | null>(null)
  // The segment whose values are in the form (filled once, not over what is typed).
  const filledRef = useRef<string | null>(null)

  const existing = useQuery(editing ? JSON.stringify(['segment', id]) : null, (signal) =>
    getSegment(api, id ?? '', signal),
  )
  useEffect(() => {
    if (!existing.data || filledRef.current === existing.data.id) return
    filledRef.current = existing.data.id
    form.setFieldsValue({
      name: existing.data.name,
      conditionText: formatCondition(existing.data.condition),
    })
  }, [existing.data, form])

  const ladder = useQuery('tiers', (signal) => getTierLadder(api, signal))
  const templates = useMemo(
    () => segmentTemplates(new Date(), program?.timezone ?? 'Asia/Shanghai'),
    [program?.timezone],
  )

  // The live count: the condition once it parses and has stopped changing for a moment.
  const parsed = parseSegmentCondition(conditionText)
  const conditionKey = parsed.ok ? JSON.stringify(parsed.value) : null
  const settled = useDebounced(conditionKey, PREVIEW_DEBOUNCE_MS)
  const preview = useQuery(settled === null ? null : `segment-preview:${settled}`, (signal) =>
    previewSegment(api, JSON.parse(settled ?? '{}') as Record<string, unknown>, signal),
  )
  const previewLoading = conditionKey !== null && (settled !== conditionKey || preview.loading)
  const previewData = conditionKey === null ? undefined : preview.data
  const previewProblem =
    conditionKey !== null && preview.error && !previewLoading ? localise(preview.error) : null

  const insert = (key: string) => {
    const template = templates.find((item) => item.key === key)
    if (!template) return
    const text = form.getFieldValue('conditionText') as string | undefined
    form.setFieldValue('conditionText', insertCondition(text ?? '', template.condition))
    void form.validateFields(['conditionText'])
  }

  /** A 400's problems on their fields; what has no field goes in the alert. */
  const showProblems = (error: unknown): boolean => {
    if (!(error instanceof ApiError) || error.status !== 400) return false
    const localised = localise(error)
    const onName: string[] = []
    const onCondition: string[] = []
    const elsewhere: FieldProblem[] = []
    for (const problem of localised.fields) {
      if (problem.path === 'name') onName.push(problem.message)
      else if (isConditionPath(problem.path))
        onCondition.push(
          problem.path === 'condition' ? problem.message : `${problem.path}: ${problem.message}`,
        )
      else elsewhere.push({ ...problem, field: describeFieldPath(problem.path, translate) })
    }
    if (localised.fields.length === 0) {
      elsewhere.push({
        path: '',
        field: '',
        message: localised.message,
        translated: true,
        raw: error.detail,
      })
    }
    ;(form as unknown as FormInstance).setFields([
      { name: 'name', errors: onName },
      { name: 'conditionText', errors: onCondition },
    ])
    setOtherErrors(elsewhere)
    setServerRaw(localised.raw)
    return true
  }

  const submit = async (values: SegmentFormValues) => {
    if (saving) return
    const condition = parseSegmentCondition(values.conditionText)
    if (!condition.ok) return
    const input = { name: values.name.trim(), condition: condition.value }
    setSaving(true)
    setOtherErrors([])
    setServerRaw(null)
    try {
      if (editing) {
        const saved = await updateSegment(api, id, input)
        void message.success(t('segments.form.saved', { name: saved.name }))
        navigate(`/admin/segments/${saved.id}`)
      } else {
        keyRef.current ??= newIdempotencyKey()
        const created = await createSegment(api, input, keyRef.current)
        keyRef.current = null
        void message.success(t('segments.form.created', { name: created.name }))
        navigate(`/admin/segments/${created.id}`)
      }
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 0)) keyRef.current = null
      if (!showProblems(error)) toastError(error)
    } finally {
      setSaving(false)
    }
  }

  const back = editing ? `/admin/segments/${id}` : '/admin/segments'
  return (
    <Flex vertical gap={16}>
      <Link to={back}>
        <ArrowLeftOutlined /> {t('segments.form.back')}
      </Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t(editing ? 'segments.form.titleEdit' : 'segments.form.titleNew')}
      </Typography.Title>
      {existing.error ? <ErrorAlert error={existing.error} onRetry={existing.reload} /> : null}
      {editing && !existing.data && existing.loading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : null}
      <Row gutter={[16, 16]} style={{ display: editing && !existing.data ? 'none' : undefined }}>
        <Col xs={24} xl={13}>
          <Form<SegmentFormValues>
            form={form}
            layout="vertical"
            initialValues={{ name: '', conditionText: '' }}
            onFinish={submit}
            onFinishFailed={() => void message.error(t('segments.form.fixErrors'))}
            onValuesChange={() => {
              keyRef.current = null
            }}
            requiredMark={false}
            data-testid="segment-form"
          >
            <Card>
              <Form.Item
                name="name"
                label={t('segments.form.name')}
                rules={[
                  { required: true, whitespace: true, message: t('segments.form.nameRequired') },
                ]}
              >
                <Input
                  maxLength={MAX_SEGMENT_NAME_LENGTH}
                  placeholder={t('segments.form.namePlaceholder')}
                  data-testid="segment-name-input"
                />
              </Form.Item>
              <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
                <Typography.Text strong>{t('segments.form.condition')}</Typography.Text>
                <Dropdown
                  trigger={['click']}
                  menu={{
                    onClick: ({ key }) => insert(key),
                    items: templates.map((template) => ({
                      key: template.key,
                      label: (
                        <span data-testid={`segment-template-${template.key}`}>
                          {t(`segments.templates.${template.key}`)}
                        </span>
                      ),
                    })),
                  }}
                >
                  <Button data-testid="segment-template-button">
                    {t('segments.form.insertTemplate')} <DownOutlined />
                  </Button>
                </Dropdown>
              </Flex>
              <Form.Item
                name="conditionText"
                extra={t('segments.form.conditionHelp')}
                rules={[
                  {
                    validator: async (_, text: string | undefined) => {
                      const result = parseSegmentCondition(text ?? '')
                      if (result.ok) return
                      if (result.reason === 'empty')
                        throw new Error(t('segments.form.conditionRequired'))
                      if (result.reason === 'json')
                        throw new Error(t('segments.form.invalidJson', { message: result.message }))
                      if (result.reason === 'size') throw new Error(t('segments.form.tooLarge'))
                      throw new Error(t('segments.form.notObject'))
                    },
                  },
                ]}
              >
                <Input.TextArea
                  className="lb-code"
                  autoSize={{ minRows: 8, maxRows: 20 }}
                  spellCheck={false}
                  placeholder={'{ ">=": [{ "var": "lifetime_spend" }, 100000] }'}
                  aria-label={t('segments.form.condition')}
                  data-testid="segment-condition"
                />
              </Form.Item>
              <Flex gap={4} wrap align="center">
                <Typography.Text type="secondary">{t('segments.form.fields')}:</Typography.Text>
                {SEGMENT_FIELDS.map((field) => (
                  <Tag key={field} className="lb-code">
                    {field}
                  </Tag>
                ))}
              </Flex>
            </Card>
            {otherErrors.length > 0 ? (
              <Alert
                type="error"
                showIcon
                style={{ marginTop: 16 }}
                title={t('segments.form.serverErrors')}
                description={
                  <>
                    <ProblemList problems={otherErrors} />
                    <ProblemDetails raw={serverRaw} />
                  </>
                }
                data-testid="segment-errors"
              />
            ) : null}
            <Flex gap={8} style={{ marginTop: 16 }}>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="segment-save">
                {t(editing ? 'segments.form.submitEdit' : 'segments.form.submitNew')}
              </Button>
              <Button onClick={() => navigate(back)}>{t('segments.form.cancel')}</Button>
            </Flex>
          </Form>
        </Col>
        <Col xs={24} xl={11}>
          <Card
            className="lb-sticky-column"
            title={
              <span>
                <TeamOutlined /> {t('segments.preview.title')}
              </span>
            }
            extra={previewLoading ? <Spin size="small" /> : null}
            data-testid="segment-preview"
          >
            {conditionKey === null ? (
              <Typography.Text type="secondary">{t('segments.preview.waiting')}</Typography.Text>
            ) : previewProblem ? (
              <Alert
                type="warning"
                showIcon
                title={t('segments.preview.failed')}
                description={
                  previewProblem.fields.length > 0 ? (
                    <ul className="lb-problems" data-testid="segment-preview-problems">
                      {previewProblem.fields.map((problem) => (
                        <li key={`${problem.path}:${problem.raw}`} title={problem.raw}>
                          <code>{problem.path}</code> {problem.message}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    previewProblem.message
                  )
                }
              />
            ) : previewData ? (
              <Flex vertical gap={12} style={{ opacity: previewLoading ? 0.5 : 1 }}>
                <Flex vertical>
                  <Typography.Text type="secondary">{t('segments.preview.count')}</Typography.Text>
                  <Typography.Text
                    strong
                    style={{ fontSize: 28, lineHeight: 1.2 }}
                    data-testid="segment-preview-count"
                    data-loading={previewLoading ? 'true' : 'false'}
                  >
                    {t('segments.count', {
                      count: previewData.count,
                      formatted: format.number(previewData.count),
                    })}
                  </Typography.Text>
                </Flex>
                {previewData.sample.length > 0 ? (
                  <Typography.Text type="secondary">{t('segments.preview.sample')}</Typography.Text>
                ) : null}
                <SegmentMembersTable
                  members={previewData.sample}
                  ladder={ladder.data?.tiers}
                  emptyText={t('segments.preview.empty')}
                  compact
                  data-testid="segment-preview-sample"
                />
              </Flex>
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  )
}
