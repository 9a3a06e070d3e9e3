import { Alert, Col, Form, Input, InputNumber, Modal, Row, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Campaign, updateCampaign } from '../../../api/campaigns'
import { type ApiClient, ApiError } from '../../../api/client'
import { ProblemDetails, ProblemList } from '../../../components/ApiProblem'
import type { LocalisedError } from '../../../i18n/api-errors'
import { toMajorUnits, toMinorUnits } from '../../../i18n/format'
import { useLocaliseError } from '../../../i18n/use-error-message'
import { isoToZonedInput, zonedInputToIso } from '../../../i18n/zoned-time'
import { isValidMaxCost, isValidMaxRewards, MAX_NAME_LENGTH } from './campaign-form'

interface EditValues {
  name: string
  maxRewards?: number | null
  maxCost?: number | null
  endsAt?: string
}

const PATHS: Record<string, keyof EditValues> = {
  name: 'name',
  'budget.max_rewards': 'maxRewards',
  'budget.max_cost': 'maxCost',
  ends_at: 'endsAt',
}

export interface CampaignEditModalProps {
  api: ApiClient
  campaign: Campaign
  currency: string
  timeZone: string
  open: boolean
  onClose: () => void
  onSaved: (campaign: Campaign) => void
}

/** Renames, changes the budget (never below what is used) or moves the end of a campaign. */
export function CampaignEditModal({
  api,
  campaign,
  currency,
  timeZone,
  open,
  onClose,
  onSaved,
}: CampaignEditModalProps) {
  const { t } = useTranslation()
  const localise = useLocaliseError()
  const [form] = Form.useForm<EditValues>()
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<LocalisedError | null>(null)

  useEffect(() => {
    if (!open) return
    setProblem(null)
    form.setFieldsValue({
      name: campaign.name,
      maxRewards: campaign.budget.max_rewards,
      maxCost:
        campaign.budget.max_cost === null ? null : toMajorUnits(campaign.budget.max_cost, currency),
      endsAt: campaign.ends_at ? isoToZonedInput(campaign.ends_at, timeZone) : '',
    })
  }, [open, campaign, currency, timeZone, form])

  const submit = async (values: EditValues) => {
    setSaving(true)
    setProblem(null)
    try {
      const endsAt = values.endsAt ? zonedInputToIso(values.endsAt, timeZone) : null
      const saved = await updateCampaign(api, campaign.id, {
        name: values.name.trim(),
        budget: {
          max_rewards: values.maxRewards ?? null,
          max_cost:
            values.maxCost === null || values.maxCost === undefined
              ? null
              : toMinorUnits(values.maxCost, currency),
        },
        ends_at: endsAt,
      })
      onSaved(saved)
    } catch (error) {
      const localised = localise(error)
      if (error instanceof ApiError && error.status === 400) {
        const placed = localised.fields.filter((entry) => PATHS[entry.path])
        form.setFields(
          placed.map((entry) => ({ name: PATHS[entry.path] ?? 'name', errors: [entry.message] })),
        )
        if (placed.length === localised.fields.length && placed.length > 0) return
      }
      setProblem(localised)
    } finally {
      setSaving(false)
    }
  }

  const numberRule = (check: (value: number) => boolean, message: string) => ({
    validator: async (_: unknown, value: number | null | undefined) => {
      if (value === null || value === undefined) return
      if (!check(value)) throw new Error(message)
    },
  })

  return (
    <Modal
      open={open}
      title={t('campaigns.detail.editTitle')}
      okText={t('campaigns.detail.save')}
      cancelText={t('campaigns.form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'campaign-edit-save' } as Record<string, string>}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('campaigns.detail.editHelp')}</Typography.Paragraph>
      <Form<EditValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        onValuesChange={() => setProblem(null)}
      >
        <Form.Item
          name="name"
          label={t('campaigns.form.name')}
          rules={[{ required: true, whitespace: true, message: t('campaigns.form.nameRequired') }]}
        >
          <Input maxLength={MAX_NAME_LENGTH} data-testid="campaign-edit-name" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="maxRewards"
              label={t('campaigns.form.maxRewards')}
              rules={[
                numberRule(isValidMaxRewards, t('campaigns.form.maxRewardsRange')),
                numberRule(
                  (value) => value >= campaign.used.rewards,
                  t('campaigns.detail.budgetBelowUsed'),
                ),
              ]}
            >
              <InputNumber<number>
                precision={0}
                style={{ width: '100%' }}
                data-testid="campaign-edit-max-rewards"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="maxCost"
              label={t('campaigns.form.maxCost')}
              rules={[
                numberRule(
                  (value) => isValidMaxCost(value, currency),
                  t('campaigns.form.maxCostRange'),
                ),
                numberRule(
                  (value) => toMinorUnits(value, currency) >= campaign.used.cost,
                  t('campaigns.detail.budgetBelowUsed'),
                ),
              ]}
            >
              <InputNumber<number>
                min={0}
                precision={2}
                suffix={t('campaigns.form.yuan')}
                style={{ width: '100%' }}
                data-testid="campaign-edit-max-cost"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="endsAt"
          label={t('campaigns.form.endsAt')}
          extra={`${t('campaigns.form.endsAtHelp')} · ${t('campaigns.form.timezoneHint', { timezone: timeZone })}`}
          rules={[
            {
              validator: async (_, ends: string | undefined) => {
                const endInstant = ends ? zonedInputToIso(ends, timeZone) : null
                if (endInstant && Date.parse(endInstant) <= Date.parse(campaign.starts_at))
                  throw new Error(t('campaigns.form.endBeforeStart'))
              },
            },
          ]}
        >
          <Input type="datetime-local" data-testid="campaign-edit-ends-at" />
        </Form.Item>
      </Form>
      {problem ? (
        <Alert
          type="error"
          showIcon
          title={problem.message}
          description={
            <>
              {problem.fields.length > 0 ? <ProblemList problems={problem.fields} /> : null}
              <ProblemDetails raw={problem.raw} />
            </>
          }
          data-testid="campaign-edit-error"
        />
      ) : null}
    </Modal>
  )
}
