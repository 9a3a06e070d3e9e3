import { Alert, Form, InputNumber, Modal } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ApiClient, ApiError } from '../../../api/client'
import { type BulkCodesStarted, generateCouponCodes } from '../../../api/coupons'
import { newIdempotencyKey } from '../../../api/idempotency'
import { ProblemDetails } from '../../../components/ApiProblem'
import type { LocalisedError } from '../../../i18n/api-errors'
import { useLocaliseError } from '../../../i18n/use-error-message'
import { MAX_BULK_CODES } from './template-form'

export interface GenerateCodesModalProps {
  api: ApiClient
  template: string
  open: boolean
  onClose: () => void
  onStarted: (started: BulkCodesStarted) => void
}

/** Asks for a number of codes; one idempotency key per submission of the same count. */
export function GenerateCodesModal({
  api,
  template,
  open,
  onClose,
  onStarted,
}: GenerateCodesModalProps) {
  const { t } = useTranslation()
  const localise = useLocaliseError()
  const [form] = Form.useForm<{ count: number | null }>()
  const [submitting, setSubmitting] = useState(false)
  const [problem, setProblem] = useState<LocalisedError | null>(null)
  const keyRef = useRef<string | null>(null)

  const submit = async ({ count }: { count: number | null }) => {
    if (submitting || !count) return
    keyRef.current ??= newIdempotencyKey()
    setSubmitting(true)
    setProblem(null)
    try {
      const started = await generateCouponCodes(api, template, count, keyRef.current)
      keyRef.current = null
      form.resetFields()
      onStarted(started)
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 0)) keyRef.current = null
      const localised = localise(error)
      const onCount = localised.fields.filter((entry) => entry.path === 'count')
      form.setFields([{ name: 'count', errors: onCount.map((entry) => entry.message) }])
      if (onCount.length === 0) setProblem(localised)
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t('coupons.detail.generateTitle')}
      okText={t('coupons.detail.generateSubmit')}
      cancelText={t('coupons.form.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        setProblem(null)
        keyRef.current = null
        onClose()
      }}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'generate-submit' } as Record<string, string>}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ count: 100 }}
        onValuesChange={() => {
          keyRef.current = null
          setProblem(null)
        }}
      >
        <Form.Item
          name="count"
          label={t('coupons.detail.generateCount')}
          extra={t('coupons.detail.generateHelp')}
          rules={[
            {
              validator: async (_, value: number | null) => {
                if (
                  typeof value !== 'number' ||
                  !Number.isInteger(value) ||
                  value < 1 ||
                  value > MAX_BULK_CODES
                )
                  throw new Error(t('coupons.detail.generateRange'))
              },
            },
          ]}
        >
          <InputNumber<number>
            precision={0}
            style={{ width: '100%' }}
            data-testid="generate-count"
          />
        </Form.Item>
      </Form>
      {problem ? (
        <Alert
          type="error"
          showIcon
          title={problem.message}
          description={<ProblemDetails raw={problem.raw} />}
          data-testid="generate-error"
        />
      ) : null}
    </Modal>
  )
}
