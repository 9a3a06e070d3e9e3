import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ApiClient, ApiError } from '../../../../api/client'
import { type MemberTierStatus, overrideMemberTier, type Tier } from '../../../../api/tiers'
import { ProblemDetails } from '../../../../components/ApiProblem'
import { TierTag } from '../../../../components/tiers/TierTag'
import { tierLabel } from '../../../../components/tiers/tier-helpers'
import type { LocalisedError } from '../../../../i18n/api-errors'
import { useLocaliseError } from '../../../../i18n/use-error-message'
import { useFormat } from '../../../../i18n/use-format'
import { zonedInputToIso } from '../../../../i18n/zoned-time'

interface OverrideForm {
  tier: string
  until?: string
  reason: string
}

const FIELDS = new Set(['tier', 'until', 'reason'])

export interface TierOverrideModalProps {
  api: ApiClient
  member: string
  open: boolean
  ladder: readonly Tier[]
  current: MemberTierStatus['tier']
  /** The program's zone: the until time is typed in it. */
  timeZone: string
  onClose: () => void
  onDone: (status: MemberTierStatus) => void
}

/** Sets the member's tier by hand: a tier, an optional end, and the reason (required). */
export function TierOverrideModal(props: TierOverrideModalProps) {
  const { api, member, open, ladder, current, timeZone, onClose, onDone } = props
  const { t } = useTranslation()
  const { message } = App.useApp()
  const localise = useLocaliseError()
  const { locale } = useFormat()
  const [form] = Form.useForm<OverrideForm>()
  const [submitting, setSubmitting] = useState(false)
  const [problem, setProblem] = useState<LocalisedError | null>(null)

  const submit = async (values: OverrideForm) => {
    setSubmitting(true)
    setProblem(null)
    try {
      const until = values.until ? zonedInputToIso(values.until, timeZone) : null
      const status = await overrideMemberTier(api, member, {
        tier: values.tier,
        reason: values.reason.trim(),
        ...(until ? { until } : {}),
      })
      const chosen = ladder.find((tier) => tier.key === status.tier.key)
      void message.success(
        t('memberTier.dialog.success', {
          tier: chosen ? tierLabel(chosen, locale) : status.tier.name,
        }),
      )
      form.resetFields()
      onDone(status)
    } catch (error) {
      // The server's field problems go on their fields, in the reader's language.
      const localised = localise(error)
      const fieldErrors =
        error instanceof ApiError && error.status === 400
          ? localised.fields.filter((entry) => FIELDS.has(entry.path))
          : []
      form.setFields(
        fieldErrors.map((entry) => ({
          name: entry.path as keyof OverrideForm,
          errors: [entry.message],
        })),
      )
      if (fieldErrors.length === 0 || localised.fields.length > fieldErrors.length) {
        setProblem(localised)
      }
    } finally {
      setSubmitting(false)
    }
  }

  const close = () => {
    setProblem(null)
    form.resetFields()
    onClose()
  }
  const currentTier = ladder.find((tier) => tier.key === current.key) ?? current

  return (
    <Modal
      open={open}
      title={t('memberTier.dialog.title')}
      okText={t('memberTier.dialog.submit')}
      cancelText={t('memberTier.dialog.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'tier-override-submit' } as Record<string, string>}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        {t('memberTier.dialog.current', { tier: tierLabel(currentTier, locale) })}
      </Typography.Paragraph>
      <Form<OverrideForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        onValuesChange={() => setProblem(null)}
      >
        <Form.Item
          name="tier"
          label={t('memberTier.dialog.tier')}
          rules={[{ required: true, message: t('memberTier.dialog.tierRequired') }]}
        >
          <Select
            options={ladder.map((tier) => ({
              value: tier.key,
              label: <TierTag tier={tier} style={{ marginInlineEnd: 0 }} />,
            }))}
            data-testid="tier-override-select"
          />
        </Form.Item>
        <Form.Item
          name="until"
          label={t('memberTier.dialog.until')}
          extra={t('memberTier.dialog.untilHelp', { zone: timeZone })}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                const iso = value ? zonedInputToIso(value, timeZone) : null
                if (iso && Date.parse(iso) <= Date.now()) {
                  throw new Error(t('memberTier.dialog.untilPast'))
                }
              },
            },
          ]}
        >
          <Input type="datetime-local" data-testid="tier-override-until" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('memberTier.dialog.reason')}
          rules={[
            { required: true, whitespace: true, message: t('memberTier.dialog.reasonRequired') },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('memberTier.dialog.reasonPlaceholder')}
            data-testid="tier-override-reason"
          />
        </Form.Item>
      </Form>
      {problem ? (
        <Alert
          type="error"
          showIcon
          title={t('memberTier.dialog.failed')}
          description={
            <>
              {problem.summary}
              <ProblemDetails raw={problem.raw} />
            </>
          }
          data-testid="tier-override-error"
        />
      ) : null}
    </Modal>
  )
}
