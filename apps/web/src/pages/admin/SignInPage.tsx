import { KeyOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation } from 'react-router-dom'
import { ApiError, createApiClient } from '../../api/client'
import { getProgram } from '../../api/program'
import { ProblemDetails } from '../../components/ApiProblem'
import { LanguageSwitch } from '../../components/LanguageSwitch'
import { useDocumentTitle } from '../../components/use-document-title'
import type { LocalisedError } from '../../i18n/api-errors'
import { useLocaliseError } from '../../i18n/use-error-message'
import { useAdminSession } from '../../session/AdminSession'

interface SignInForm {
  programKey: string
}

/** Where to go after signing in: the page that sent us here, else the members list. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from
  return typeof from === 'string' && from.startsWith('/admin/') ? from : '/admin/members'
}

export function SignInPage() {
  const { t } = useTranslation()
  const localise = useLocaliseError()
  const location = useLocation()
  const session = useAdminSession()
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<{ title: string; problem: LocalisedError } | null>(null)
  useDocumentTitle(`${t('signIn.title')} · ${t('common.appName')}`)

  if (session.programKey) return <Navigate to={returnPath(location.state)} replace />

  const submit = async ({ programKey }: SignInForm) => {
    const key = programKey.trim()
    setSubmitting(true)
    setError(null)
    try {
      // Validate the key before storing it: a 200 here means it can read its program.
      const program = await getProgram(createApiClient({ getToken: () => key }))
      // Re-renders into the <Navigate> above.
      session.signIn(key, program)
    } catch (caught) {
      const rejected =
        caught instanceof ApiError && (caught.status === 401 || caught.status === 403)
      const problem = localise(caught)
      setError({ title: rejected ? t('signIn.rejected') : problem.summary, problem })
      setSubmitting(false)
    }
  }

  return (
    <Flex className="lb-signin" vertical align="center" justify="center">
      <div className="lb-signin-lang">
        <LanguageSwitch />
      </div>
      <Card className="lb-signin-card">
        <Flex vertical gap={8} style={{ marginBottom: 24 }}>
          <Flex align="center" gap={10}>
            <span className="lb-brand-mark">L</span>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {t('common.appName')}
            </Typography.Text>
          </Flex>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('signIn.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('signIn.subtitle')}</Typography.Text>
        </Flex>
        <Form<SignInForm> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="programKey"
            label={t('signIn.keyLabel')}
            rules={[{ required: true, whitespace: true, message: t('signIn.required') }]}
          >
            <Input.Password
              prefix={<KeyOutlined />}
              placeholder={t('signIn.keyPlaceholder')}
              autoComplete="off"
              spellCheck={false}
              autoFocus
              data-testid="signin-key-input"
            />
          </Form.Item>
          {error ? (
            <Alert
              type="error"
              showIcon
              title={error.title}
              description={
                <>
                  {error.title === error.problem.summary ? null : error.problem.summary}
                  <ProblemDetails raw={error.problem.raw} />
                </>
              }
              style={{ marginBottom: 16 }}
              data-testid="signin-error"
            />
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={submitting}
            data-testid="signin-submit"
          >
            {t('signIn.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('signIn.hint')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  )
}
