import { Form, Input, Select, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import { TRIGGER_PATTERN } from '../../../api/earning-rules'
import { CUSTOM_TRIGGER } from './rule-form'
import { KNOWN_TRIGGERS, useRuleSummary } from './use-rule-summary'

/** Name, trigger (known types or a custom event type) and the active switch. */
export function RuleBasicsFields({ custom }: { custom: boolean }) {
  const { t } = useTranslation()
  const summary = useRuleSummary()
  const options = [
    ...KNOWN_TRIGGERS.map((trigger) => ({
      value: trigger,
      label: `${summary.trigger(trigger)} · ${trigger}`,
    })),
    { value: CUSTOM_TRIGGER, label: t('rules.triggers.custom') },
  ]

  return (
    <>
      <Form.Item
        name="name"
        label={t('rules.form.name')}
        rules={[{ required: true, whitespace: true, message: t('rules.form.nameRequired') }]}
      >
        <Input
          maxLength={200}
          placeholder={t('rules.form.namePlaceholder')}
          data-testid="rule-name-input"
        />
      </Form.Item>
      <Form.Item name="triggerChoice" label={t('rules.form.trigger')}>
        <Select options={options} data-testid="rule-trigger-select" />
      </Form.Item>
      {custom ? (
        <Form.Item
          name="customTrigger"
          label={t('rules.form.customTrigger')}
          rules={[
            { required: true, message: t('rules.form.required') },
            { pattern: TRIGGER_PATTERN, message: t('rules.form.customTriggerInvalid') },
            { max: 64 },
          ]}
        >
          <Input
            placeholder={t('rules.form.customTriggerPlaceholder')}
            className="lb-code"
            data-testid="rule-custom-trigger-input"
          />
        </Form.Item>
      ) : null}
      <Form.Item name="active" label={t('rules.form.active')} valuePropName="checked">
        <Switch data-testid="rule-active-input" />
      </Form.Item>
    </>
  )
}
