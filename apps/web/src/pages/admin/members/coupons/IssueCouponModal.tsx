import { Alert, App, Form, Modal, Select } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ApiClient, ApiError } from '../../../../api/client'
import { type Coupon, issueCoupon, listCouponTemplates } from '../../../../api/coupons'
import { newIdempotencyKey } from '../../../../api/idempotency'
import { useQuery } from '../../../../api/use-query'
import { ProblemDetails } from '../../../../components/ApiProblem'
import { useCouponText } from '../../../../components/coupons/use-coupon-text'
import type { LocalisedError } from '../../../../i18n/api-errors'
import { useLocaliseError } from '../../../../i18n/use-error-message'

export interface IssueCouponModalProps {
  api: ApiClient
  member: string
  currency: string
  open: boolean
  onClose: () => void
  onIssued: (coupon: Coupon) => void
}

/**
 * Issues a coupon of an active template to the member. One idempotency key per submission of
 * the same template: a double click or a retry after a lost answer issues one coupon.
 */
export function IssueCouponModal({
  api,
  member,
  currency,
  open,
  onClose,
  onIssued,
}: IssueCouponModalProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const localise = useLocaliseError()
  const text = useCouponText(currency)
  const [form] = Form.useForm<{ template?: string }>()
  const [submitting, setSubmitting] = useState(false)
  const [problem, setProblem] = useState<{ title: string; error: LocalisedError } | null>(null)
  const keyRef = useRef<string | null>(null)
  const templates = useQuery(open ? 'coupon-templates:active' : null, (signal) =>
    listCouponTemplates(api, { active: true, limit: 100 }, signal),
  )

  const submit = async ({ template }: { template?: string }) => {
    if (submitting || !template) return
    keyRef.current ??= newIdempotencyKey()
    setSubmitting(true)
    setProblem(null)
    try {
      const coupon = await issueCoupon(api, member, template, keyRef.current)
      keyRef.current = null
      void message.success(t('coupons.member.issued', { code: coupon.code }))
      form.resetFields()
      onIssued(coupon)
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 0)) keyRef.current = null
      const localised = localise(error)
      const onTemplate = localised.fields.filter((entry) => entry.path === 'template')
      form.setFields([{ name: 'template', errors: onTemplate.map((entry) => entry.message) }])
      if (onTemplate.length === 0) {
        setProblem({
          title:
            localised.code === 'limit_reached'
              ? t('coupons.member.limitReached')
              : t('coupons.member.issueFailed'),
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
      title={t('coupons.member.issueTitle')}
      okText={t('coupons.member.issueSubmit')}
      cancelText={t('coupons.form.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'issue-coupon-submit' } as Record<string, string>}
      cancelButtonProps={{ 'data-testid': 'issue-coupon-cancel' } as Record<string, string>}
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
          name="template"
          label={t('coupons.member.template')}
          rules={[{ required: true, message: t('coupons.member.templateRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={templates.loading}
            placeholder={t('coupons.member.templatePlaceholder')}
            data-testid="issue-coupon-template"
            options={(templates.data?.data ?? []).map((template) => ({
              value: template.id,
              label: `${template.name} · ${text.discount(template)}`,
            }))}
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
          data-testid="issue-coupon-error"
        />
      ) : null}
    </Modal>
  )
}
