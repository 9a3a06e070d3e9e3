import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Button,
  ColorPicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Table,
  type TableColumnsType,
  Tooltip,
} from 'antd'
import type { HTMLAttributes, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { isMoneyMetric } from '../../../components/tiers/tier-helpers'
import { type LadderDraft, MAX_TIERS, moveRow, newRow, type TierRowDraft } from './ladder-form'

/** Colours that read well as tier cards, offered in the picker. */
const PRESET_COLORS = [
  '#8c8c8c',
  '#9ca3af',
  '#d4a017',
  '#b8860b',
  '#7c3aed',
  '#2563eb',
  '#0f766e',
  '#be185d',
  '#1f2937',
]

export interface TierRowsEditorProps {
  draft: LadderDraft
  onChange: (tiers: TierRowDraft[]) => void
  errorAt: (path: string) => string | undefined
}

/** The tiers as editable rows: key, names, threshold, colour; add, remove, move. */
export function TierRowsEditor({ draft, onChange, errorAt }: TierRowsEditorProps) {
  const { t } = useTranslation()
  const rows = draft.tiers
  const money = isMoneyMetric(draft.metric)
  const update = (index: number, patch: Partial<TierRowDraft>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)))

  /** A cell with its problem under it, like a form field. */
  const cell = (index: number, field: string, control: ReactNode) => {
    const help = errorAt(`tiers[${index}].${field}`)
    return (
      <Form.Item
        style={{ margin: 0 }}
        validateStatus={help ? 'error' : undefined}
        help={help}
        data-testid={help ? 'tier-row-error' : undefined}
      >
        {control}
      </Form.Item>
    )
  }

  const columns: TableColumnsType<TierRowDraft> = [
    {
      title: '#',
      key: 'position',
      width: 48,
      render: (_, __, index) => <span className="lb-tier-position">{index + 1}</span>,
    },
    {
      title: t('tiers.editor.columns.key'),
      key: 'key',
      width: 150,
      render: (_, row, index) =>
        cell(
          index,
          'key',
          <Input
            value={row.key}
            maxLength={32}
            onChange={(event) => update(index, { key: event.target.value })}
            placeholder={t('tiers.editor.keyPlaceholder')}
            className="lb-code"
            data-testid="tier-key-input"
          />,
        ),
    },
    {
      title: t('tiers.editor.columns.name'),
      key: 'name',
      render: (_, row, index) =>
        cell(
          index,
          'name',
          <Input
            value={row.name}
            maxLength={50}
            onChange={(event) => update(index, { name: event.target.value })}
            placeholder={t('tiers.editor.namePlaceholder')}
            data-testid="tier-name-input"
          />,
        ),
    },
    {
      title: t('tiers.editor.columns.nameEn'),
      key: 'nameEn',
      render: (_, row, index) =>
        cell(
          index,
          'name_en',
          <Input
            value={row.nameEn}
            maxLength={50}
            onChange={(event) => update(index, { nameEn: event.target.value })}
            placeholder={t('tiers.editor.nameEnPlaceholder')}
            data-testid="tier-name-en-input"
          />,
        ),
    },
    {
      title: t('tiers.editor.columns.threshold'),
      key: 'threshold',
      width: 190,
      render: (_, row, index) =>
        cell(
          index,
          'threshold',
          <InputNumber<number>
            min={0}
            // Yuan may have fen, but whole amounts show without ".00"; counts are integers.
            precision={money ? undefined : 0}
            step={1}
            value={row.threshold}
            onChange={(threshold) => update(index, { threshold })}
            suffix={t(`tiers.units.${draft.metric}`)}
            style={{ width: '100%' }}
            data-testid="tier-threshold-input"
          />,
        ),
    },
    {
      title: t('tiers.editor.columns.color'),
      key: 'color',
      width: 150,
      render: (_, row, index) =>
        cell(
          index,
          'color',
          <ColorPicker
            value={row.color}
            allowClear
            disabledAlpha
            showText={() => (row.color ? row.color.toUpperCase() : t('tiers.editor.noColor'))}
            presets={[{ label: t('tiers.editor.columns.color'), colors: PRESET_COLORS }]}
            onChange={(color) =>
              update(index, { color: color.cleared ? null : color.toHexString().slice(0, 7) })
            }
            onClear={() => update(index, { color: null })}
            data-testid="tier-color"
          />,
        ),
    },
    {
      key: 'actions',
      width: 120,
      render: (_, __, index) => (
        <Flex gap={4}>
          <Tooltip title={t('tiers.editor.moveUp')}>
            <Button
              type="text"
              icon={<ArrowUpOutlined />}
              disabled={index === 0}
              onClick={() => onChange(moveRow(rows, index, -1))}
              aria-label={t('tiers.editor.moveUp')}
              data-testid="tier-move-up"
            />
          </Tooltip>
          <Tooltip title={t('tiers.editor.moveDown')}>
            <Button
              type="text"
              icon={<ArrowDownOutlined />}
              disabled={index === rows.length - 1}
              onClick={() => onChange(moveRow(rows, index, 1))}
              aria-label={t('tiers.editor.moveDown')}
              data-testid="tier-move-down"
            />
          </Tooltip>
          <Tooltip title={t('tiers.editor.remove')}>
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              disabled={rows.length <= 1}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
              aria-label={t('tiers.editor.remove')}
              data-testid="tier-remove"
            />
          </Tooltip>
        </Flex>
      ),
    },
  ]

  return (
    <>
      {/* No `scroll.x`: it adds a hidden measuring row to tbody. The wrapper scrolls instead. */}
      <div style={{ overflowX: 'auto' }} data-testid="tier-rows">
        <Table<TierRowDraft>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          pagination={false}
          size="small"
          className="lb-tier-rows"
          style={{ minWidth: 900 }}
          onRow={() => ({ 'data-testid': 'tier-row' }) as HTMLAttributes<HTMLElement>}
        />
      </div>
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        style={{ marginTop: 12 }}
        disabled={rows.length >= MAX_TIERS}
        onClick={() => onChange([...rows, newRow()])}
        data-testid="tier-add"
      >
        {t('tiers.editor.add')}
      </Button>
    </>
  )
}
