import { CheckCircleFilled, DownOutlined, SafetyCertificateOutlined } from '@ant-design/icons'
import { Alert, Button, Dropdown, Flex, Form, type FormInstance, Input, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { FieldProblem } from '../../../i18n/api-errors'
import { insertCondition, parseCondition } from './condition'
import { conditionTemplates } from './condition-templates'
import type { RuleFormValues } from './rule-form'

export interface ConditionEditorProps {
  form: FormInstance<RuleFormValues>
  /** Which templates fit: order fields for `order.completed`, event fields otherwise. */
  scope: 'order' | 'event'
  /** Problems the server found in the condition (from a validation or a save). */
  serverErrors: FieldProblem[]
  /** True once the server accepted the current text. */
  serverValid: boolean
  validating: boolean
  onValidate: () => void
}

/**
 * JsonLogic in a monospace text area: quick-insert templates, JSON checked as you type,
 * the server's verdict (unknown operators and the like) shown right under it.
 */
export function ConditionEditor({
  form,
  scope,
  serverErrors,
  serverValid,
  validating,
  onValidate,
}: ConditionEditorProps) {
  const { t } = useTranslation()
  const templates = conditionTemplates(scope)

  const insert = (key: string) => {
    const template = templates.find((item) => item.key === key)
    if (!template) return
    const text = form.getFieldValue('conditionText') as string | undefined
    form.setFieldValue('conditionText', insertCondition(text ?? '', template.condition))
    void form.validateFields(['conditionText'])
  }

  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong>{t('rules.form.condition')}</Typography.Text>
        <Flex gap={8}>
          <Dropdown
            trigger={['click']}
            menu={{
              onClick: ({ key }) => insert(key),
              items: templates.map((template) => ({
                key: template.key,
                label: (
                  <span data-testid={`condition-template-${template.key}`}>
                    {t(`rules.templates.${template.key}`)}
                  </span>
                ),
              })),
            }}
          >
            <Button data-testid="condition-template-button">
              {t('rules.form.insertTemplate')} <DownOutlined />
            </Button>
          </Dropdown>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={validating}
            onClick={onValidate}
            data-testid="condition-validate"
          >
            {t('rules.form.validate')}
          </Button>
        </Flex>
      </Flex>
      <Form.Item
        name="conditionText"
        extra={t('rules.form.conditionHelp')}
        style={{ marginBottom: 0 }}
        rules={[
          {
            validator: async (_, text: string | undefined) => {
              const parsed = parseCondition(text ?? '')
              if (parsed.ok) return
              throw new Error(
                parsed.reason === 'json'
                  ? t('rules.form.invalidJson', { message: parsed.message })
                  : t('rules.form.notObject'),
              )
            },
          },
        ]}
      >
        <Input.TextArea
          className="lb-code"
          autoSize={{ minRows: 6, maxRows: 18 }}
          spellCheck={false}
          placeholder={'{ ">=": [{ "var": "order.amount" }, 10000] }'}
          aria-label={t('rules.form.condition')}
          data-testid="condition-editor"
        />
      </Form.Item>
      {serverErrors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('rules.form.serverErrors')}
          description={
            <ul className="lb-problems">
              {serverErrors.map((error) => (
                <li key={`${error.path}:${error.raw}`} title={error.raw}>
                  <code>{error.path}</code> {error.message}
                </li>
              ))}
            </ul>
          }
          data-testid="condition-errors"
        />
      ) : null}
      {serverValid && serverErrors.length === 0 ? (
        <Typography.Text type="success" data-testid="condition-valid">
          <CheckCircleFilled /> {t('rules.form.valid')}
        </Typography.Text>
      ) : null}
    </Flex>
  )
}
