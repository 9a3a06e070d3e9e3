import { App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import { listCouponTemplates } from '../../../api/coupons'
import { createReward, REWARD_TYPES, type Reward, updateReward } from '../../../api/rewards'
import { useQuery } from '../../../api/use-query'
import { ProblemDetails, ProblemList } from '../../../components/ApiProblem'
import { useCreateForm } from '../../../components/use-create-form'
import { useAdminSession } from '../../../session/AdminSession'
import {
  emptyRewardForm,
  type RewardFormValues,
  rewardFieldFor,
  rewardFormValues,
  rewardInput,
  rewardPatch,
} from './reward-form'

const MAX_POINTS = 1_000_000_000
const MAX_LIMIT = 1_000_000_000

/** Creates a reward, or edits one (its type and coupon template stay as they are). */
export function RewardFormModal({
  reward,
  tiers,
  onClose,
  onSaved,
}: {
  reward?: Reward
  tiers: { key: string; name: string }[]
  onClose(): void
  onSaved(reward: Reward): void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { api, program } = useAdminSession()
  const currency = program?.currency ?? 'CNY'
  const [form] = Form.useForm<RewardFormValues>()
  const type = Form.useWatch('type', form)
  const templates = useQuery(type === 'coupon' ? 'reward-coupon-templates' : null, (signal) =>
    listCouponTemplates(api, { limit: 100, active: true }, signal),
  )
  const { saving, otherErrors, serverRaw, submit, valuesChanged } = useCreateForm<
    RewardFormValues,
    Reward
  >({
    form,
    create: (values, key) =>
      reward
        ? updateReward(api, reward.id, rewardPatch(values, currency))
        : createReward(api, rewardInput(values, currency), key),
    fieldFor: rewardFieldFor,
    onCreated: (saved) => {
      void message.success(t(reward ? 'rewards.saved' : 'rewards.created', { name: saved.name }))
      onSaved(saved)
    },
  })
  const required = (field: string) => [
    { required: true, message: t('rewards.form.required', { field }) },
  ]

  return (
    <Modal
      open
      title={t(reward ? 'rewards.form.editTitle' : 'rewards.form.createTitle')}
      okText={t('rewards.form.save')}
      cancelText={t('rewards.form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={640}
      okButtonProps={{ 'data-testid': 'reward-save' }}
      destroyOnHidden
    >
      <Form<RewardFormValues>
        form={form}
        layout="vertical"
        initialValues={reward ? rewardFormValues(reward, currency) : emptyRewardForm()}
        onFinish={submit}
        onValuesChange={valuesChanged}
        data-testid="reward-form"
      >
        <Form.Item
          name="name"
          label={t('rewards.form.name')}
          rules={required(t('rewards.form.name'))}
        >
          <Input maxLength={200} data-testid="reward-form-name" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="type" label={t('rewards.form.type')}>
              <Select
                disabled={reward !== undefined}
                options={REWARD_TYPES.map((value) => ({
                  value,
                  label: t(`rewards.types.${value}`),
                }))}
                data-testid="reward-form-type"
              />
            </Form.Item>
          </Col>
          {type === 'coupon' ? (
            <Col xs={24} sm={12}>
              <Form.Item
                name="couponTemplate"
                label={t('rewards.form.couponTemplate')}
                extra={t('rewards.form.couponTemplateHelp')}
                rules={required(t('rewards.form.couponTemplate'))}
              >
                <Select
                  disabled={reward !== undefined}
                  loading={templates.loading}
                  options={(templates.data?.data ?? []).map((template) => ({
                    value: template.id,
                    label: template.name,
                  }))}
                  data-testid="reward-form-template"
                />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="pointsCost"
              label={t('rewards.form.pointsCost')}
              rules={required(t('rewards.form.pointsCost'))}
            >
              <InputNumber<number>
                min={1}
                max={MAX_POINTS}
                precision={0}
                style={{ width: '100%' }}
                data-testid="reward-form-points"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="cashCost"
              label={t('rewards.form.cashCost')}
              extra={t('rewards.form.cashCostHelp')}
            >
              <InputNumber<number>
                min={0}
                precision={2}
                style={{ width: '100%' }}
                data-testid="reward-form-cash"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="stock"
              label={t('rewards.form.stock')}
              extra={t('rewards.form.stockHelp')}
            >
              <InputNumber<number>
                min={0}
                max={MAX_LIMIT}
                precision={0}
                style={{ width: '100%' }}
                data-testid="reward-form-stock"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="perMemberLimit"
              label={t('rewards.form.perMemberLimit')}
              extra={t('rewards.form.perMemberLimitHelp')}
            >
              <InputNumber<number>
                min={1}
                max={MAX_LIMIT}
                precision={0}
                style={{ width: '100%' }}
                data-testid="reward-form-limit"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="tiers" label={t('rewards.form.tiers')} extra={t('rewards.form.tiersHelp')}>
          <Select
            mode="multiple"
            allowClear
            options={tiers.map((tier) => ({ value: tier.key, label: tier.name }))}
            data-testid="reward-form-tiers"
          />
        </Form.Item>
        <Form.Item name="description" label={t('rewards.form.description')}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
        <Form.Item name="imageUrl" label={t('rewards.form.imageUrl')}>
          <Input maxLength={2000} />
        </Form.Item>
        <Form.Item name="active" label={t('rewards.form.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {otherErrors.length > 0 ? <ProblemList problems={otherErrors} /> : null}
      <ProblemDetails raw={serverRaw} />
    </Modal>
  )
}
