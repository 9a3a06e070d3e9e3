import { SaveOutlined, UndoOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Divider, Flex, Tag } from 'antd'
import { type ReactNode, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ApiClient, ApiError } from '../../../api/client'
import { type SavedTierLadder, saveTierLadder, type TierLadder } from '../../../api/tiers'
import { ProblemDetails, useErrorToast } from '../../../components/ApiProblem'
import { describeFieldPath, type RawProblem } from '../../../i18n/api-errors'
import { useLocaliseError, useTranslate } from '../../../i18n/use-error-message'
import { LadderPolicyFields } from './LadderPolicyFields'
import {
  draftToLadder,
  type LadderDraft,
  ladderToDraft,
  normalisePath,
  rowOfPath,
  sameDraft,
  validateDraft,
} from './ladder-form'
import { TierRowsEditor } from './TierRowsEditor'

export interface LadderEditorProps {
  api: ApiClient
  ladder: TierLadder
  currency: string
  onSaved: (saved: SavedTierLadder) => void
  /** Shown above the buttons: the re-evaluation's progress after a save. */
  status?: ReactNode
}

/** Paths the form shows next to a field; anything else goes to the list under the rows. */
const FIELD_PATHS = /^(metric|window|window\.months|downgrade(\.\w+)?)$/
const ROW_FIELDS = new Set(['key', 'name', 'name_en', 'threshold', 'color'])

/**
 * Edits the whole ladder, checks it as the server would, and PUTs it. The server's 400
 * problems land on the row and field their path names.
 */
export function LadderEditor({ api, ladder, currency, onSaved, status }: LadderEditorProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const localise = useLocaliseError()
  const translate = useTranslate()
  const toastError = useErrorToast()
  const initial = useMemo(() => ladderToDraft(ladder, currency), [ladder, currency])
  const [draft, setDraft] = useState<LadderDraft>(initial)
  // Problems show once a save was tried, then follow every edit.
  const [attempted, setAttempted] = useState(false)
  // The server's problems, in the reader's language, with its own words kept for "details".
  const [serverProblems, setServerProblems] = useState<{ path: string; message: string }[]>([])
  const [serverRaw, setServerRaw] = useState<RawProblem | null>(null)
  const [saving, setSaving] = useState(false)

  const clientProblems = attempted ? validateDraft(draft, currency) : []
  const problems = new Map<string, string>()
  for (const problem of clientProblems) {
    if (!problems.has(problem.path)) {
      problems.set(problem.path, t(`tiers.editor.errors.${problem.code}`))
    }
  }
  for (const problem of serverProblems) {
    if (!problems.has(problem.path)) problems.set(problem.path, problem.message)
  }
  const errorAt = (path: string) => problems.get(path)
  const elsewhere = [...problems].filter(([path]) => {
    const row = rowOfPath(path)
    return row ? !ROW_FIELDS.has(row.field) : !FIELD_PATHS.test(path)
  })
  const dirty = !sameDraft(draft, initial, currency)

  const change = (next: LadderDraft) => {
    setDraft(next)
    // The server's verdict was about what it was sent; an edit makes it stale.
    setServerProblems([])
    setServerRaw(null)
  }

  const save = async () => {
    setAttempted(true)
    if (validateDraft(draft, currency).length > 0) {
      void message.error(t('tiers.editor.invalid'))
      return
    }
    setSaving(true)
    try {
      const saved = await saveTierLadder(api, draftToLadder(draft, currency))
      setServerProblems([])
      setServerRaw(null)
      setAttempted(false)
      void message.success(t('tiers.editor.saved'))
      onSaved(saved)
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const localised = localise(error)
        const found = localised.fields.map((problem) => ({
          path: normalisePath(problem.path),
          message: problem.message,
        }))
        setServerProblems(found.length > 0 ? found : [{ path: '', message: localised.message }])
        setServerRaw(localised.raw)
        void message.error(t('tiers.editor.rejected'))
      } else {
        toastError(error)
      }
    } finally {
      setSaving(false)
    }
  }

  return (
    <Card
      title={t('tiers.editor.title')}
      data-testid="ladder-editor"
      extra={dirty ? <Tag color="orange">{t('tiers.editor.unsaved')}</Tag> : null}
    >
      <LadderPolicyFields
        draft={draft}
        onChange={(patch) => change({ ...draft, ...patch })}
        errorAt={errorAt}
      />
      <Divider titlePlacement="start" style={{ marginTop: 0 }}>
        {t('tiers.editor.tiers')}
      </Divider>
      <TierRowsEditor
        draft={draft}
        onChange={(tiers) => change({ ...draft, tiers })}
        errorAt={errorAt}
      />
      {elsewhere.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={t('tiers.editor.rejected')}
          data-testid="ladder-errors"
          description={
            <ul className="lb-problems">
              {elsewhere.map(([path, text]) => (
                <li key={path} title={path}>
                  {path
                    ? t('errors.fieldSentence', {
                        field: describeFieldPath(path, translate),
                        message: text,
                      })
                    : text}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <ProblemDetails raw={serverRaw} />
      {status ? <div style={{ marginTop: 16 }}>{status}</div> : null}
      <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
        <Button
          icon={<UndoOutlined />}
          disabled={!dirty || saving}
          onClick={() => {
            setDraft(initial)
            setAttempted(false)
            setServerProblems([])
            setServerRaw(null)
          }}
          data-testid="ladder-reset"
        >
          {t('tiers.editor.reset')}
        </Button>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={saving}
          onClick={save}
          data-testid="ladder-save"
        >
          {t('tiers.editor.save')}
        </Button>
      </Flex>
    </Card>
  )
}
