import { Alert, App, Form, Input, InputNumber, Modal } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ApiClient, ApiError } from '../../../../api/client'
import { newIdempotencyKey } from '../../../../api/idempotency'
import { adjustMemberPoints, type PointTransaction } from '../../../../api/points'
import { ProblemDetails } from '../../../../components/ApiProblem'
import type { LocalisedError } from '../../../../i18n/api-errors'
import { useLocaliseError } from '../../../../i18n/use-error-message'
import { useFormat } from '../../../../i18n/use-format'

interface AdjustForm {
  points: number | null
  reason: string
}

const FIELDS = new Set(['points', 'reason'])

export interface AdjustPointsModalProps {
  api: ApiClient
  member: string
  open: boolean
  onClose: () => void
  onAdjusted: (transaction: PointTransaction) => void
}

/**
 * Credits or debits points by hand, with a required reason. One idempotency key per
 * submission of the same values: a double click or a retry after a lost answer applies
 * once; changing the values (or a refusal) starts a new submission.
 */
export function AdjustPointsModal({
  api,
  member,
  open,
  onClose,
  onAdjusted,
}: AdjustPointsModalProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const localise = useLocaliseError()
  const format = useFormat()
  const [form] = Form.useForm<AdjustForm>()
  const [submitting, setSubmitting] = useState(false)
  const [problem, setProblem] = useState<{ title: string; error: LocalisedError } | null>(null)
  const keyRef = useRef<string | null>(null)

  const submit = async (values: AdjustForm) => {
    if (submitting) return
    keyRef.current ??= newIdempotencyKey()
    setSubmitting(true)
    setProblem(null)
    try {
      const transaction = await adjustMemberPoints(
        api,
        member,
        { points: values.points ?? 0, reason: values.reason.trim() },
        keyRef.current,
      )
      keyRef.current = null
      void message.success(
        t('points.adjust.success', {
          points: format.signed(transaction.points),
          balance: format.number(transaction.balance_after),
        }),
      )
      form.resetFields()
      onAdjusted(transaction)
    } catch (error) {
      // A refusal is final for this key; only a lost answer is worth retrying with it.
      if (!(error instanceof ApiError && error.status === 0)) keyRef.current = null
      const localised = localise(error)
      // A 400's field problems go on their fields; the rest shows under the form.
      const onFields = localised.fields.filter((entry) => FIELDS.has(entry.path))
      form.setFields(
        onFields.map((entry) => ({
          name: entry.path as keyof AdjustForm,
          errors: [entry.message],
        })),
      )
      if (onFields.length === 0 || localised.fields.length > onFields.length) {
        const insufficient = localised.code === 'insufficient_points'
        setProblem({
          title: insufficient ? t('points.adjust.insufficient') : t('points.adjust.failed'),
          error: localised,
        })
      }
    } finally {
      setSubmitting(false)
    }
  }

  const close = () => {
    setProblem(null)
    form.resetFields()
    keyRef.current = null
    onClose()
  }

  return (
    <Modal
      open={open}
      title={t('points.adjust.title')}
      okText={t('points.adjust.submit')}
      cancelText={t('points.adjust.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'adjust-submit' } as Record<string, string>}
      forceRender
    >
      <Form<AdjustForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => {
          keyRef.current = null
          setProblem(null)
        }}
        requiredMark={false}
      >
        <Form.Item
          name="points"
          label={t('points.adjust.points')}
          rules={[
            {
              validator: async (_, value: number | null) => {
                if (typeof value !== 'number' || !Number.isInteger(value) || value === 0) {
                  throw new Error(t('points.adjust.pointsRequired'))
                }
              },
            },
          ]}
        >
          <InputNumber<number>
            precision={0}
            style={{ width: '100%' }}
            placeholder="+100 / -50"
            data-testid="adjust-points-input"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('points.adjust.reason')}
          rules={[{ required: true, whitespace: true, message: t('points.adjust.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('points.adjust.reasonPlaceholder')}
            data-testid="adjust-reason-input"
          />
        </Form.Item>
      </Form>
      {problem ? (
        <Alert
          type="error"
          showIcon
          title={problem.title}
          description={
            <>
              {problem.error.summary}
              <ProblemDetails raw={problem.error.raw} />
            </>
          }
          data-testid="adjust-error"
        />
      ) : null}
    </Modal>
  )
}
