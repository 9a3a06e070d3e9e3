import { Alert, App, Button, Card, Col, Flex, Form, type FormInstance, Row } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { ApiError } from '../../../api/client'
import {
  createEarningRule,
  type EarningRule,
  type EarningRuleInput,
  ORDER_TRIGGER,
  previewEarningRule,
  updateEarningRule,
} from '../../../api/earning-rules'
import { getTierLadder } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import { forgetRuleName } from '../../../api/use-rule-names'
import { ProblemDetails, ProblemList, useErrorToast } from '../../../components/ApiProblem'
import { describeFieldPath, type FieldProblem, type RawProblem } from '../../../i18n/api-errors'
import { useLocaliseError, useTranslate } from '../../../i18n/use-error-message'
import { useAdminSession } from '../../../session/AdminSession'
import { ConditionEditor } from './ConditionEditor'
import { isConditionPath, normaliseRulePath, parseCondition } from './condition'
import { validationRequest } from './preview-sample'
import { RuleBasicsFields } from './RuleBasicsFields'
import { RuleLimitsFields } from './RuleLimitsFields'
import { RulePreviewPanel } from './RulePreviewPanel'
import { RuleRewardFields } from './RuleRewardFields'
import {
  CUSTOM_TRIGGER,
  emptyRuleForm,
  fieldForPath,
  formToRuleInput,
  formTrigger,
  type RuleFormValues,
  ruleToForm,
} from './rule-form'

/** Create (no `rule`) or edit a rule; validated on the server before it is saved. */
export function RuleEditor({ rule }: { rule?: EarningRule }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const localise = useLocaliseError()
  const translate = useTranslate()
  const toastError = useErrorToast()
  const navigate = useNavigate()
  const { api, program } = useAdminSession()
  const currency = program?.currency ?? 'CNY'
  const timeZone = program?.timezone ?? 'Asia/Shanghai'
  const [form] = Form.useForm<RuleFormValues>()
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form starts from the rule once.
  const initial = useMemo(
    () => (rule ? ruleToForm(rule, currency, timeZone) : emptyRuleForm()),
    [rule],
  )
  // Only the fields on screen: a hidden one (the custom trigger) may be missing.
  const values = Form.useWatch([], form) as Partial<RuleFormValues> | undefined
  const current: Partial<RuleFormValues> = values ?? initial
  const custom = current.triggerChoice === CUSTOM_TRIGGER
  const isOrder = formTrigger(current) === ORDER_TRIGGER
  const ladder = useQuery('tiers', (signal) => getTierLadder(api, signal))

  const [conditionErrors, setConditionErrors] = useState<FieldProblem[]>([])
  const [otherErrors, setOtherErrors] = useState<FieldProblem[]>([])
  const [serverRaw, setServerRaw] = useState<RawProblem | null>(null)
  const [serverValid, setServerValid] = useState(false)
  const [validating, setValidating] = useState(false)
  const [saving, setSaving] = useState(false)

  /** The draft, checked in the browser (the name only when saving); null if not valid. */
  const readDraft = async (withName: boolean): Promise<EarningRuleInput | null> => {
    const names = form
      .getFieldsError()
      .map((field) => field.name)
      .filter((name) => withName || name.join('.') !== 'name')
    try {
      await form.validateFields(names)
    } catch {
      return null
    }
    const all = form.getFieldsValue(true) as RuleFormValues
    const parsed = parseCondition(all.conditionText ?? '')
    if (!parsed.ok) return null
    return formToRuleInput(all, parsed.value, currency, timeZone)
  }

  /**
   * Puts a 400's problems where they belong, in the reader's language: the editor, a field,
   * or the general list (the server's own words under "details").
   */
  const showProblems = (error: unknown): boolean => {
    if (!(error instanceof ApiError) || error.status !== 400) return false
    const localised = localise(error)
    const inCondition: FieldProblem[] = []
    const elsewhere: FieldProblem[] = []
    const fields: { name: (string | number)[]; errors: string[] }[] = []
    for (const problem of localised.fields) {
      // A preview names the draft's fields under `rule.`; the form knows them without it.
      const path = normaliseRulePath(problem.path)
      const shown = { ...problem, path, field: describeFieldPath(path, translate) }
      const field = fieldForPath(path, custom)
      if (isConditionPath(path)) inCondition.push(shown)
      else if (field) fields.push({ name: field, errors: [problem.message] })
      else elsewhere.push(shown)
    }
    if (localised.fields.length === 0) {
      elsewhere.push({
        path: '',
        field: '',
        message: localised.message,
        translated: true,
        raw: error.detail,
      })
    }
    setConditionErrors(inCondition)
    setOtherErrors(elsewhere)
    setServerRaw(localised.raw)
    // Paths come from the server, so their names are not known to the form's type.
    ;(form as unknown as FormInstance).setFields(fields)
    return true
  }

  const checkOnServer = async (draft: EarningRuleInput): Promise<boolean> => {
    try {
      await previewEarningRule(api, validationRequest(draft))
      setConditionErrors([])
      setOtherErrors([])
      setServerRaw(null)
      setServerValid(true)
      return true
    } catch (error) {
      setServerValid(false)
      if (!showProblems(error)) toastError(error)
      return false
    }
  }

  const validate = async () => {
    setValidating(true)
    const draft = await readDraft(false)
    if (draft) await checkOnServer(draft)
    setValidating(false)
  }

  const save = async () => {
    setSaving(true)
    try {
      const draft = await readDraft(true)
      if (!draft) {
        void message.error(t('rules.form.fixErrors'))
        return
      }
      if (!(await checkOnServer(draft))) return
      const saved = rule
        ? await updateEarningRule(api, rule.id, draft)
        : await createEarningRule(api, draft)
      forgetRuleName(program?.id ?? '', saved.id)
      void message.success(t(rule ? 'rules.form.saved' : 'rules.form.created'))
      navigate('/admin/rules')
    } catch (error) {
      if (!showProblems(error)) toastError(error)
    } finally {
      setSaving(false)
    }
  }

  const onValuesChange = (changed: Partial<RuleFormValues>, all: RuleFormValues) => {
    if ('conditionText' in changed) {
      setServerValid(false)
      setConditionErrors([])
    }
    // Events carry no amount: an event rule pays a fixed reward.
    if ('triggerChoice' in changed && changed.triggerChoice !== ORDER_TRIGGER) {
      if (all.reward?.type === 'per_amount') form.setFieldValue(['reward', 'type'], 'fixed')
      if (all.growth?.type === 'per_amount') form.setFieldValue(['growth', 'type'], 'fixed')
    }
  }

  return (
    <Row gutter={[16, 16]} align="top">
      <Col xs={24} xl={15}>
        <Form<RuleFormValues>
          form={form}
          layout="vertical"
          initialValues={initial}
          onValuesChange={onValuesChange}
          onFinish={save}
          scrollToFirstError
          requiredMark={false}
          data-testid="rule-form"
        >
          <Flex vertical gap={16}>
            <Card title={t('rules.form.basics')}>
              <RuleBasicsFields custom={custom} />
            </Card>
            <Card>
              <ConditionEditor
                form={form}
                scope={isOrder ? 'order' : 'event'}
                serverErrors={conditionErrors}
                serverValid={serverValid}
                validating={validating}
                onValidate={validate}
              />
            </Card>
            <Card>
              <RuleRewardFields
                values={current}
                currency={currency}
                perAmountAllowed={isOrder}
                tiers={ladder.data?.tiers ?? []}
              />
            </Card>
            <Card>
              <RuleLimitsFields timeZone={timeZone} />
            </Card>
            {otherErrors.length > 0 ? (
              <Alert
                type="error"
                showIcon
                title={t('rules.form.serverErrors')}
                description={
                  <>
                    <ProblemList problems={otherErrors} />
                    <ProblemDetails raw={serverRaw} />
                  </>
                }
                data-testid="rule-errors"
              />
            ) : null}
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="rule-save">
                {rule ? t('rules.form.save') : t('rules.form.create')}
              </Button>
              <Button onClick={() => navigate('/admin/rules')}>{t('rules.form.cancel')}</Button>
            </Flex>
          </Flex>
        </Form>
      </Col>
      <Col xs={24} xl={9} className="lb-sticky-column">
        <RulePreviewPanel
          isOrder={isOrder}
          paused={current.active === false}
          currency={currency}
          draftKey={JSON.stringify(current)}
          getDraft={() => readDraft(false)}
        />
      </Col>
    </Row>
  )
}
