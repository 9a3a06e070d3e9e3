import { Flex, Form, Input, Modal, Select, Switch, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import {
  ALL_EVENTS,
  createWebhook,
  updateWebhook,
  WEBHOOK_EVENT_TYPES,
  type Webhook,
  type WebhookEventType,
  type WebhookWithSecret,
} from '../../../api/webhooks'
import { ProblemDetails, ProblemList } from '../../../components/ApiProblem'
import { useCreateForm } from '../../../components/use-create-form'
import { useAdminSession } from '../../../session/AdminSession'
import { useEventTypeName } from './use-event-type-name'
import {
  emptyWebhookForm,
  pickEvents,
  type WebhookFormValues,
  webhookFieldFor,
  webhookFormValues,
  webhookInput,
  webhookPatch,
} from './webhook-form'

/**
 * Creates a webhook (its answer carries the secret, shown next by the page) or edits one. The
 * server's problems go on their fields: a link-local or metadata URL, credentials in the URL.
 */
export function WebhookFormModal({
  webhook,
  onClose,
  onSaved,
}: {
  webhook?: Webhook
  onClose(): void
  onSaved(saved: Webhook | WebhookWithSecret): void
}) {
  const { t } = useTranslation()
  const { api } = useAdminSession()
  const eventName = useEventTypeName()
  const [form] = Form.useForm<WebhookFormValues>()
  const { saving, otherErrors, serverRaw, submit, valuesChanged } = useCreateForm<
    WebhookFormValues,
    Webhook | WebhookWithSecret
  >({
    form,
    create: (values, key) =>
      webhook
        ? updateWebhook(api, webhook.id, webhookPatch(values))
        : createWebhook(api, webhookInput(values), key),
    fieldFor: webhookFieldFor,
    onCreated: onSaved,
  })

  const options = [ALL_EVENTS, ...WEBHOOK_EVENT_TYPES].map((type) => ({
    value: type,
    label: eventName(type),
  }))

  return (
    <Modal
      open
      title={t(webhook ? 'webhooks.form.editTitle' : 'webhooks.form.createTitle')}
      okText={t('webhooks.form.save')}
      cancelText={t('webhooks.form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={640}
      okButtonProps={{ 'data-testid': 'webhook-save' }}
      destroyOnHidden
    >
      <Form<WebhookFormValues>
        form={form}
        layout="vertical"
        initialValues={webhook ? webhookFormValues(webhook) : emptyWebhookForm()}
        onFinish={submit}
        onValuesChange={valuesChanged}
        data-testid="webhook-form"
      >
        <Form.Item
          name="url"
          label={t('webhooks.form.url')}
          extra={t('webhooks.form.urlHelp')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('webhooks.form.required', { field: t('webhooks.form.url') }),
            },
          ]}
        >
          <Input
            maxLength={2048}
            placeholder="https://shop.example.com/loyalty/hooks"
            data-testid="webhook-url"
          />
        </Form.Item>
        <Form.Item
          name="events"
          label={t('webhooks.form.events')}
          extra={t('webhooks.form.eventsHelp')}
          rules={[{ required: true, message: t('webhooks.form.eventsRequired') }]}
          // "All events" stands alone: picking it, or a type beside it, drops the other.
          getValueFromEvent={(next: WebhookEventType[]) =>
            pickEvents(form.getFieldValue('events') ?? [], next)
          }
        >
          <Select<WebhookEventType[]>
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: ['label', 'value'] }}
            options={options}
            optionRender={(option) => (
              <Flex justify="space-between" gap={8}>
                <span>{option.label}</span>
                {option.value === ALL_EVENTS ? null : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {option.value}
                  </Typography.Text>
                )}
              </Flex>
            )}
            data-testid="webhook-events"
          />
        </Form.Item>
        <Form.Item name="description" label={t('webhooks.form.description')}>
          <Input.TextArea maxLength={500} rows={2} data-testid="webhook-description" />
        </Form.Item>
        <Form.Item
          name="active"
          label={t('webhooks.form.active')}
          extra={t('webhooks.form.activeHelp')}
          valuePropName="checked"
        >
          <Switch data-testid="webhook-active-input" />
        </Form.Item>
      </Form>
      {otherErrors.length > 0 ? <ProblemList problems={otherErrors} /> : null}
      <ProblemDetails raw={serverRaw} />
    </Modal>
  )
}
