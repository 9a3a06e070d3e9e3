import { DownloadOutlined, InboxOutlined, LoadingOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Flex, Radio, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { IMPORT_KINDS, type Import, type ImportKind, startImport } from '../../../api/imports'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { saveBlob } from '../../../components/save-blob'
import { useAdminSession } from '../../../session/AdminSession'
import {
  type FileProblem,
  fileProblem,
  IMPORT_COLUMNS,
  importTemplate,
  templateFileName,
} from './import-files'

/** Column names as code, one after another. */
function Columns({ names }: { names: readonly string[] }) {
  return (
    <Flex wrap gap={4}>
      {names.map((name) => (
        <Typography.Text key={name} code>
          {name}
        </Typography.Text>
      ))}
    </Flex>
  )
}

/**
 * What to import (members or orders) with the columns each expects and a template to start from,
 * then the file: dropped or chosen, checked here for what the server would refuse after the whole
 * upload (not a .csv, empty, over 200 MB), and sent.
 */
export function ImportUpload({ onStarted }: { onStarted(started: Import): void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { api } = useAdminSession()
  const [kind, setKind] = useState<ImportKind>('members')
  const [uploading, setUploading] = useState<string | null>(null)
  const [problem, setProblem] = useState<FileProblem | null>(null)
  const [error, setError] = useState<unknown>(null)
  const { required, optional } = IMPORT_COLUMNS[kind]

  const downloadTemplate = () => {
    // A BOM, so that spreadsheet programs open the Chinese sample names as UTF-8.
    saveBlob(
      new Blob(['\uFEFF', importTemplate(kind)], { type: 'text/csv;charset=utf-8' }),
      templateFileName(kind),
    )
  }

  const upload = async (file: File) => {
    const refused = fileProblem(file)
    setError(null)
    setProblem(refused)
    if (refused) return
    setUploading(file.name)
    try {
      const started = await startImport(api, kind, file)
      void message.success(t('imports.upload.started', { file: file.name }))
      onStarted(started)
    } catch (caught) {
      setError(caught)
    } finally {
      setUploading(null)
    }
  }

  return (
    <Card title={t('imports.upload.title')} data-testid="import-upload">
      <Flex vertical gap={16}>
        <Flex align="center" gap={12} wrap>
          <Typography.Text strong>{t('imports.upload.kind')}</Typography.Text>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={kind}
            onChange={(event) => setKind(event.target.value as ImportKind)}
            disabled={uploading !== null}
            options={IMPORT_KINDS.map((value) => ({
              value,
              label: t(`imports.kinds.${value}`),
            }))}
            data-testid="import-kind"
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={downloadTemplate}
            data-testid="import-template"
          >
            {t(`imports.upload.template.${kind}`)}
          </Button>
        </Flex>
        <Flex vertical gap={8} data-testid="import-columns">
          <Flex gap={8} align="baseline" wrap>
            <Typography.Text type="secondary">{t('imports.upload.columns')}</Typography.Text>
            <Columns names={required} />
          </Flex>
          {optional.length > 0 ? (
            <Flex gap={8} align="baseline" wrap>
              <Typography.Text type="secondary">{t('imports.upload.optional')}</Typography.Text>
              <Columns names={optional} />
            </Flex>
          ) : null}
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t(`imports.upload.help.${kind}`)}
          </Typography.Paragraph>
        </Flex>
        <Upload.Dragger
          accept=".csv,text/csv"
          multiple={false}
          maxCount={1}
          showUploadList={false}
          disabled={uploading !== null}
          // The page sends the file itself (startImport), not the component.
          beforeUpload={(file) => {
            void upload(file)
            return false
          }}
          data-testid="import-dropzone"
        >
          <p className="ant-upload-drag-icon">
            {uploading ? <LoadingOutlined /> : <InboxOutlined />}
          </p>
          <p className="ant-upload-text">
            {uploading
              ? t('imports.upload.uploading', { file: uploading })
              : t('imports.upload.drop')}
          </p>
          <p className="ant-upload-hint">{t('imports.upload.hint')}</p>
        </Upload.Dragger>
        {problem ? (
          <Alert
            type="warning"
            showIcon
            title={t(`imports.upload.problems.${problem}`)}
            data-testid="import-file-problem"
          />
        ) : null}
        {error ? (
          <ErrorAlert
            error={error}
            title={t('imports.upload.failed')}
            data-testid="import-upload-error"
          />
        ) : null}
      </Flex>
    </Card>
  )
}
