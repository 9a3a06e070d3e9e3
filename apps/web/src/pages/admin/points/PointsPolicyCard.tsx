import { App, Button, Card, Flex, Form, InputNumber, Radio, Skeleton, Space, Switch } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getProgram, type Program, updateProgram } from '../../../api/program'
import { useQuery } from '../../../api/use-query'
import { useErrorToast } from '../../../components/ApiProblem'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PointsPolicyDescriptions } from '../../../components/PointsPolicyDescriptions'
import { useLocaliseError } from '../../../i18n/use-error-message'
import { useAdminSession } from '../../../session/AdminSession'
import {
  formToPolicy,
  type PolicyFormValues,
  policyFieldForPath,
  policyToForm,
} from './policy-form'

/** The program's points policy in words, with an edit form (admin keys; others get 403). */
export function PointsPolicyCard() {
  const { t } = useTranslation()
  const { api } = useAdminSession()
  const program = useQuery('program', (signal) => getProgram(api, signal))
  const [saved, setSaved] = useState<Program | null>(null)
  const [editing, setEditing] = useState(false)
  const current = saved ?? program.data

  return (
    <Card
      title={t('points.policy.title')}
      extra={
        current && !editing ? (
          <Button onClick={() => setEditing(true)} data-testid="policy-edit">
            {t('points.policy.edit')}
          </Button>
        ) : null
      }
    >
      {program.error ? <ErrorAlert error={program.error} onRetry={program.reload} /> : null}
      {!current && program.loading ? <Skeleton active /> : null}
      {current && !editing ? <PointsPolicyDescriptions program={current} /> : null}
      {current && editing ? (
        <PolicyForm
          program={current}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            setSaved(next)
            setEditing(false)
          }}
        />
      ) : null}
    </Card>
  )
}

interface PolicyFormProps {
  program: Program
  onCancel: () => void
  onSaved: (program: Program) => void
}

function PolicyForm({ program, onCancel, onSaved }: PolicyFormProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const localise = useLocaliseError()
  const toastError = useErrorToast()
  const { api } = useAdminSession()
  const [form] = Form.useForm<PolicyFormValues>()
  const expiryType = Form.useWatch('expiryType', form)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const save = async (values: PolicyFormValues) => {
    setSaving(true)
    setError(null)
    try {
      const next = await updateProgram(api, { points_policy: formToPolicy(values) })
      void message.success(t('points.policy.saved'))
      onSaved(next)
    } catch (caught) {
      // Field problems go on their fields, in the reader's language; the alert keeps the rest.
      const onFields = localise(caught).fields.flatMap((problem) => {
        const name = policyFieldForPath(problem.path)
        return name ? [{ name, errors: [problem.message] }] : []
      })
      form.setFields(onFields)
      setError(caught)
      toastError(caught)
    } finally {
      setSaving(false)
    }
  }

  const required = [{ required: true, message: t('rules.form.required') }]
  return (
    <Form<PolicyFormValues>
      form={form}
      layout="vertical"
      initialValues={policyToForm(program.points_policy)}
      onFinish={save}
      style={{ maxWidth: 560 }}
      data-testid="policy-form"
    >
      <Form.Item name="expiryType" label={t('points.policy.expiryType')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'none', label: t('points.policy.none') },
            { value: 'rolling', label: t('points.policy.rolling') },
            { value: 'annual', label: t('points.policy.annual') },
          ]}
        />
      </Form.Item>
      {expiryType === 'rolling' ? (
        <Form.Item name="months" label={t('points.policy.months')} rules={required}>
          <InputNumber min={1} max={120} precision={0} />
        </Form.Item>
      ) : null}
      {expiryType === 'annual' ? (
        <Form.Item name="yearsAfter" label={t('points.policy.yearsAfter')} rules={required}>
          <InputNumber min={0} max={10} precision={0} />
        </Form.Item>
      ) : null}
      <Form.Item
        name="pendingDays"
        label={t('points.policy.pendingDays')}
        extra={t('points.policy.pendingDaysHelp')}
        rules={required}
      >
        <InputNumber min={0} max={365} precision={0} />
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item name="redeemRate" label={t('points.policy.redeemRate')} rules={required}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item
          name="maxRedeemPercent"
          label={t('points.policy.maxRedeemPercent')}
          rules={required}
        >
          <InputNumber min={0} max={100} />
        </Form.Item>
      </Space>
      <Form.Item
        name="allowNegative"
        label={t('points.policy.allowNegative')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      {error ? <ErrorAlert error={error} title={t('errors.saveFailed')} /> : null}
      <Flex gap={8} style={{ marginTop: 8 }}>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="policy-save">
          {t('points.policy.save')}
        </Button>
        <Button onClick={onCancel}>{t('points.policy.cancel')}</Button>
      </Flex>
    </Form>
  )
}
