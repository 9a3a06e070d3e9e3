import {
  Alert,
  App,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Switch,
} from 'antd'
import { useTranslation } from 'react-i18next'
import {
  BENEFIT_TYPES,
  type Benefit,
  createBenefit,
  QUOTA_PERIODS,
  updateBenefit,
} from '../../../api/benefits'
import { type ApiClient, ApiError } from '../../../api/client'
import type { Tier } from '../../../api/tiers'
import { ProblemDetails, ProblemList } from '../../../components/ApiProblem'
import { TierTag } from '../../../components/tiers/TierTag'
import { useCreateForm } from '../../../components/use-create-form'
import {
  BENEFIT_KEY_PATTERN,
  type BenefitFormValues,
  benefitToForm,
  emptyBenefitForm,
  fieldForBenefitPath,
  formToBenefitInput,
  formToBenefitPatch,
  MAX_QUOTA,
} from './benefit-form'

export interface BenefitFormModalProps {
  api: ApiClient
  open: boolean
  /** The benefit to edit, or null for a new one. */
  benefit: Benefit | null
  tiers: readonly Tier[]
  currency: string
  onClose: () => void
  onSaved: (saved: Benefit) => void
}

/**
 * A benefit's name, type, terms by type (a discount's percent and cap, a multiplier), quota and
 * tiers. The server's problems go on their fields; its key and type are fixed once created.
 */
export function BenefitFormModal({
  api,
  open,
  benefit,
  tiers,
  currency,
  onClose,
  onSaved,
}: BenefitFormModalProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<BenefitFormValues>()
  const values = (Form.useWatch([], form) as Partial<BenefitFormValues> | undefined) ?? {}
  const type = values.type ?? benefit?.type ?? 'free_shipping'
  const limited = values.limited ?? benefit?.quota !== null

  const { saving, otherErrors, serverRaw, submit, valuesChanged } = useCreateForm({
    form,
    create: async (all: BenefitFormValues, key): Promise<Benefit> => {
      try {
        return benefit
          ? await updateBenefit(api, benefit.key, formToBenefitPatch(all, currency))
          : await createBenefit(api, formToBenefitInput(all, currency), key)
      } catch (error) {
        // A taken key (409) is the key field's problem too, in the reader's language.
        if (error instanceof ApiError && error.code === 'benefit_exists')
          form.setFields([{ name: 'key', errors: [t('errors.codes.benefit_exists')] }])
        throw error
      }
    },
    fieldFor: (path) => fieldForBenefitPath(path, type),
    onCreated: (saved) => {
      void message.success(
        t(benefit ? 'benefits.form.saved' : 'benefits.form.created', { name: saved.name }),
      )
      onSaved(saved)
    },
  })

  const range = (check: (value: number) => boolean, said: string, required = true) => ({
    validator: async (_: unknown, value: number | null | undefined) => {
      if (value === null || value === undefined) {
        if (required) throw new Error(said)
        return
      }
      if (!check(value)) throw new Error(said)
    },
  })

  return (
    <Modal
      open={open}
      title={
        benefit
          ? t('benefits.form.editTitle', { name: benefit.name })
          : t('benefits.form.createTitle')
      }
      okText={benefit ? t('benefits.form.save') : t('benefits.form.create')}
      cancelText={t('benefits.form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'benefit-form-submit' } as Record<string, string>}
      width={640}
      forceRender
    >
      <Form<BenefitFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={benefit ? benefitToForm(benefit, currency) : emptyBenefitForm()}
        onFinish={submit}
        onValuesChange={valuesChanged}
        data-testid="benefit-form"
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="name"
              label={t('benefits.form.name')}
              rules={[
                { required: true, whitespace: true, message: t('benefits.form.nameRequired') },
              ]}
            >
              <Input
                maxLength={200}
                placeholder={t('benefits.form.namePlaceholder')}
                data-testid="benefit-name-input"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="key"
              label={t('benefits.form.key')}
              extra={t('benefits.form.keyHelp')}
              rules={[
                {
                  validator: async (_, value: string | undefined) => {
                    if (!BENEFIT_KEY_PATTERN.test((value ?? '').trim()))
                      throw new Error(t('benefits.form.keyInvalid'))
                  },
                },
              ]}
            >
              <Input maxLength={64} disabled={benefit !== null} data-testid="benefit-key-input" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="type" label={t('benefits.form.type')} extra={t('benefits.form.typeHelp')}>
          <Select
            disabled={benefit !== null}
            data-testid="benefit-type-select"
            options={BENEFIT_TYPES.map((value) => ({
              value,
              label: (
                <span data-testid={`benefit-type-${value}`}>{t(`benefits.types.${value}`)}</span>
              ),
            }))}
          />
        </Form.Item>
        {type === 'discount' ? (
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="percentOff"
                label={t('benefits.form.percentOff')}
                extra={t('benefits.form.percentHelp')}
                rules={[range((v) => v > 0 && v <= 100, t('benefits.form.percentRange'))]}
              >
                <InputNumber<number>
                  suffix="%"
                  style={{ width: '100%' }}
                  data-testid="benefit-percent-off"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="maxAmount"
                label={t('benefits.form.maxAmount')}
                extra={t('benefits.form.maxAmountHelp')}
                rules={[range((v) => v > 0, t('benefits.form.amountRange'), false)]}
              >
                <InputNumber<number>
                  min={0}
                  precision={2}
                  suffix={t('benefits.form.yuan')}
                  style={{ width: '100%' }}
                  data-testid="benefit-max-amount"
                />
              </Form.Item>
            </Col>
          </Row>
        ) : null}
        {type === 'points_multiplier' ? (
          <Form.Item
            name="multiplier"
            label={t('benefits.form.multiplier')}
            extra={t('benefits.form.multiplierHelp')}
            rules={[range((v) => v > 1 && v <= 10, t('benefits.form.multiplierRange'))]}
          >
            <InputNumber<number>
              prefix="×"
              step={0.5}
              style={{ width: '100%' }}
              data-testid="benefit-multiplier"
            />
          </Form.Item>
        ) : null}
        <Row gutter={16} align="top">
          <Col xs={24} sm={6}>
            <Form.Item name="limited" label={t('benefits.form.limited')} valuePropName="checked">
              <Switch data-testid="benefit-limited" />
            </Form.Item>
          </Col>
          {limited ? (
            <>
              <Col xs={12} sm={9}>
                <Form.Item
                  name="quotaCount"
                  label={t('benefits.form.quotaCount')}
                  rules={[
                    range(
                      (v) => Number.isInteger(v) && v >= 1 && v <= MAX_QUOTA,
                      t('benefits.form.quotaRange'),
                    ),
                  ]}
                >
                  <InputNumber<number>
                    precision={0}
                    min={1}
                    style={{ width: '100%' }}
                    data-testid="benefit-quota-count"
                  />
                </Form.Item>
              </Col>
              <Col xs={12} sm={9}>
                <Form.Item
                  name="quotaPeriod"
                  label={t('benefits.form.quotaPeriod')}
                  extra={t('benefits.form.quotaHelp')}
                >
                  <Select
                    data-testid="benefit-quota-period"
                    options={QUOTA_PERIODS.map((value) => ({
                      value,
                      label: (
                        <span data-testid={`benefit-period-${value}`}>
                          {t(`benefits.periods.${value}`)}
                        </span>
                      ),
                    }))}
                  />
                </Form.Item>
              </Col>
            </>
          ) : null}
        </Row>
        <Form.Item name="tiers" label={t('benefits.form.tiers')}>
          <Checkbox.Group data-testid="benefit-tiers">
            {tiers.map((tier) => (
              <Checkbox key={tier.key} value={tier.key} data-testid={`benefit-tier-${tier.key}`}>
                <TierTag tier={tier} />
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="active" label={t('benefits.form.active')} valuePropName="checked">
          <Switch data-testid="benefit-active-input" />
        </Form.Item>
      </Form>
      {otherErrors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('errors.saveFailed')}
          description={
            <>
              <ProblemList problems={otherErrors} />
              <ProblemDetails raw={serverRaw} />
            </>
          }
          data-testid="benefit-form-error"
        />
      ) : null}
    </Modal>
  )
}
