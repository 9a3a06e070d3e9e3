import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Flex, Form, InputNumber, Radio, Select, Switch, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Tier } from '../../../api/tiers'
import { currencyFractionDigits } from '../../../i18n/format'
import type { RuleFormValues } from './rule-form'

interface RewardInputProps {
  name: 'reward' | 'growth'
  /** 'per_amount' or 'fixed', as currently chosen. */
  type: string | undefined
  unit: string
  currency: string
  /** Only `order.completed` has an amount to pay per. */
  perAmountAllowed: boolean
}

/** `per_amount` (N units per ¥X) or `fixed` (N units), for points or growth. */
function RewardInput({ name, type, unit, currency, perAmountAllowed }: RewardInputProps) {
  const { t } = useTranslation()
  const positive = [{ required: true, message: t('rules.form.required') }]
  return (
    <Flex vertical gap={8}>
      <Form.Item name={[name, 'type']} noStyle>
        <Radio.Group
          optionType="button"
          options={[
            {
              value: 'per_amount',
              label: t('rules.form.perAmount'),
              disabled: !perAmountAllowed,
            },
            { value: 'fixed', label: t('rules.form.fixed') },
          ]}
        />
      </Form.Item>
      <Flex align="center" gap={8} wrap>
        {type === 'per_amount' ? (
          <>
            <span>{t('rules.form.every')}</span>
            <Form.Item name={[name, 'perMajor']} rules={positive} noStyle>
              <InputNumber
                min={1 / 10 ** currencyFractionDigits(currency)}
                precision={currencyFractionDigits(currency)}
                prefix={currency === 'CNY' ? '¥' : undefined}
                style={{ width: 130 }}
                aria-label={`${name} per`}
                data-testid={`rule-${name}-per`}
              />
            </Form.Item>
            <span>{t('rules.form.earn')}</span>
          </>
        ) : null}
        <Form.Item name={[name, 'points']} rules={positive} noStyle>
          <InputNumber
            min={0}
            precision={0}
            style={{ width: 130 }}
            aria-label={`${name} points`}
            data-testid={`rule-${name}-points`}
          />
        </Form.Item>
        <span>{unit}</span>
      </Flex>
    </Flex>
  )
}

export interface RuleRewardFieldsProps {
  values: Partial<Pick<RuleFormValues, 'reward' | 'growth' | 'growthEnabled'>> | undefined
  currency: string
  perAmountAllowed: boolean
  tiers: Tier[]
}

/** Points reward, optional growth value, and tier multipliers. */
export function RuleRewardFields({
  values,
  currency,
  perAmountAllowed,
  tiers,
}: RuleRewardFieldsProps) {
  const { t } = useTranslation()
  return (
    <Flex vertical gap={20}>
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('rules.form.reward')}</Typography.Text>
        <RewardInput
          name="reward"
          type={values?.reward?.type}
          unit={t('rules.form.pointsUnit')}
          currency={currency}
          perAmountAllowed={perAmountAllowed}
        />
      </Flex>
      <Flex vertical gap={8}>
        <Flex align="center" gap={8}>
          <Form.Item name="growthEnabled" valuePropName="checked" noStyle>
            <Switch size="small" data-testid="rule-growth-enabled" />
          </Form.Item>
          <Typography.Text strong>{t('rules.form.growthEnabled')}</Typography.Text>
        </Flex>
        {values?.growthEnabled ? (
          <RewardInput
            name="growth"
            type={values.growth?.type}
            unit={t('rules.form.growthUnit')}
            currency={currency}
            perAmountAllowed={perAmountAllowed}
          />
        ) : null}
      </Flex>
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('rules.form.multipliers')}</Typography.Text>
        <Typography.Text type="secondary">{t('rules.form.multipliersHelp')}</Typography.Text>
        <Form.List name="multipliers">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item
                    name={[field.name, 'tier']}
                    rules={[
                      { required: true, message: t('rules.form.required') },
                      ({ getFieldValue }) => ({
                        validator: async (_, tier: string | undefined) => {
                          const rows = (getFieldValue('multipliers') ?? []) as { tier?: string }[]
                          if (tier && rows.filter((row) => row?.tier === tier).length > 1) {
                            throw new Error(t('rules.form.duplicateTier'))
                          }
                        },
                      }),
                    ]}
                    style={{ marginBottom: 0, minWidth: 180 }}
                  >
                    <Select
                      placeholder={t('rules.form.tier')}
                      options={tiers.map((tier) => ({
                        value: tier.key,
                        label: `${tier.name} (${tier.key})`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'value']}
                    rules={[{ required: true, message: t('rules.form.required') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <InputNumber
                      min={0}
                      step={0.1}
                      prefix="×"
                      placeholder={t('rules.form.multiplier')}
                      style={{ width: 120 }}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('rules.delete')}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ value: 1.5 })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('rules.form.addMultiplier')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Flex>
    </Flex>
  )
}
