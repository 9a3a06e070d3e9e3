import { Alert, Form, Input, Modal } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type MemberBenefit, recordBenefitUse } from '../../../../api/benefits'
import type { ApiClient } from '../../../../api/client'
import { ApiError } from '../../../../api/client'
import { newIdempotencyKey } from '../../../../api/idempotency'
import { ProblemDetails } from '../../../../components/ApiProblem'
import type { LocalisedError } from '../../../../i18n/api-errors'
import { useLocaliseError } from '../../../../i18n/use-error-message'

export interface RecordUseModalProps {
  api: ApiClient
  member: string
  /** The benefit to record a use of; null when closed. */
  benefit: MemberBenefit | null
  onClose: () => void
  onRecorded: (benefit: MemberBenefit) => void
}

/**
 * One use of a member's benefit, with an optional reference; one idempotency key per attempt
 * (kept across a network failure). `403 tier_required` and `422 quota_exhausted` are said here.
 */
export function RecordUseModal({ api, member, benefit, onClose, onRecorded }: RecordUseModalProps) {
  const { t } = useTranslation()
  const localise = useLocaliseError()
  const [form] = Form.useForm<{ reference?: string }>()
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<LocalisedError | null>(null)
  const keyRef = useRef<string | null>(null)

  const submit = async ({ reference }: { reference?: string }) => {
    if (saving || !benefit) return
    keyRef.current ??= newIdempotencyKey()
    setSaving(true)
    setProblem(null)
    try {
      await recordBenefitUse(
        api,
        member,
        benefit.key,
        reference?.trim() || undefined,
        keyRef.current,
      )
      keyRef.current = null
      form.resetFields()
      onRecorded(benefit)
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 0)) keyRef.current = null
      const localised = localise(error)
      const onReference = localised.fields.filter((entry) => entry.path === 'reference')
      form.setFields([{ name: 'reference', errors: onReference.map((entry) => entry.message) }])
      if (onReference.length === 0) setProblem(localised)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open={benefit !== null}
      title={benefit ? t('benefits.member.recordTitle', { name: benefit.name }) : ''}
      okText={t('benefits.member.submit')}
      cancelText={t('benefits.member.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        setProblem(null)
        keyRef.current = null
        form.resetFields()
        onClose()
      }}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'record-use-submit' } as Record<string, string>}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        onValuesChange={() => {
          keyRef.current = null
          setProblem(null)
        }}
      >
        <Form.Item
          name="reference"
          label={t('benefits.member.reference')}
          extra={t('benefits.member.referenceHelp')}
        >
          <Input maxLength={200} data-testid="record-use-reference" />
        </Form.Item>
      </Form>
      {problem ? (
        <Alert
          type="error"
          showIcon
          title={problem.message}
          description={<ProblemDetails raw={problem.raw} />}
          data-testid="record-use-error"
        />
      ) : null}
    </Modal>
  )
}
