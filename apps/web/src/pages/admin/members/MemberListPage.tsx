import { SearchOutlined } from '@ant-design/icons'
import { Card, Flex, Input, Select, Table, type TableColumnsType, Typography } from 'antd'
import { type MouseEvent, useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import { listMembers, type Member } from '../../../api/members'
import { getTierLadder } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import { CursorPager } from '../../../components/CursorPager'
import { type CursorStack, currentCursor } from '../../../components/cursor-stack'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { TierTag } from '../../../components/tiers/TierTag'
import { resolveTier, tierLabel } from '../../../components/tiers/tier-helpers'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'

const PAGE_SIZE = 20
const SEARCH_DEBOUNCE_MS = 400

export function MemberListPage() {
  const { t } = useTranslation()
  const { api, program } = useAdminSession()
  const format = useFormat(program?.timezone)
  const navigate = useNavigate()

  // Filters live in the URL so that "back" from a member returns to the same search.
  const [searchParams, setSearchParams] = useSearchParams()
  const query = searchParams.get('query') ?? ''
  const tier = searchParams.get('tier') ?? ''
  const [draft, setDraft] = useState(query)

  const setFilter = useCallback(
    (name: 'query' | 'tier', value: string) => {
      setSearchParams(
        (previous) => {
          const params = new URLSearchParams(previous)
          if (value) params.set(name, value)
          else params.delete(name)
          return params
        },
        { replace: true },
      )
    },
    [setSearchParams],
  )

  useEffect(() => {
    const trimmed = draft.trim()
    if (trimmed === query) return
    const timer = window.setTimeout(() => setFilter('query', trimmed), SEARCH_DEBOUNCE_MS)
    return () => window.clearTimeout(timer)
  }, [draft, query, setFilter])

  // Cursor pages belong to one set of filters; a new search starts again at page one.
  const filterKey = JSON.stringify([query, tier])
  const [paging, setPaging] = useState<{ filterKey: string; stack: CursorStack }>({
    filterKey,
    stack: [],
  })
  const stack = paging.filterKey === filterKey ? paging.stack : []
  const cursor = currentCursor(stack)

  const ladder = useQuery('tiers', (signal) => getTierLadder(api, signal))
  const list = useQuery(JSON.stringify([filterKey, cursor ?? null]), (signal) =>
    listMembers(api, { query, tier, limit: PAGE_SIZE, cursor }, signal),
  )
  // While another page of the same search loads, its rows stay (no flicker); rows of an
  // earlier search are never shown under a new one.
  const sameSearch = list.dataKey !== null && JSON.parse(list.dataKey)[0] === filterKey
  const page = sameSearch && !list.error ? list.data : undefined
  const nextCursor = page?.next_cursor ?? null

  const columns: TableColumnsType<Member> = [
    {
      title: t('members.columns.externalId'),
      dataIndex: 'external_id',
      render: (_, member) => <Link to={`/admin/members/${member.id}`}>{member.external_id}</Link>,
    },
    {
      title: t('members.columns.name'),
      dataIndex: 'name',
      render: (_, member) => member.name ?? t('common.empty'),
    },
    {
      title: t('members.columns.phone'),
      dataIndex: 'phone',
      render: (_, member) => member.phone ?? t('common.empty'),
    },
    {
      title: t('members.columns.tier'),
      key: 'tier',
      render: (_, member) => (
        <TierTag
          tier={resolveTier(ladder.data?.tiers, member.tier.key, member.tier.name)}
          data-testid="member-tier-tag"
        />
      ),
    },
    {
      title: t('members.columns.points'),
      key: 'points',
      align: 'right',
      render: (_, member) => format.number(member.points.available),
    },
    {
      title: t('members.columns.joinedAt'),
      dataIndex: 'joined_at',
      render: (_, member) => format.dateTime(member.joined_at),
    },
  ]

  const openMember = (member: Member, event: MouseEvent) => {
    // The external id is a real link (keyboard, middle-click); don't navigate twice.
    if ((event.target as HTMLElement).closest('a')) return
    navigate(`/admin/members/${member.id}`)
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('members.title')}
      </Typography.Title>
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onPressEnter={() => setFilter('query', draft.trim())}
            prefix={<SearchOutlined />}
            placeholder={t('members.searchPlaceholder')}
            allowClear
            style={{ maxWidth: 360 }}
            aria-label={t('members.searchPlaceholder')}
            data-testid="member-search-input"
          />
          <Select
            value={tier || undefined}
            onChange={(value?: string) => setFilter('tier', value ?? '')}
            placeholder={t('members.allTiers')}
            allowClear
            loading={ladder.loading}
            options={ladder.data?.tiers.map((item) => ({
              value: item.key,
              label: tierLabel(item, format.locale),
            }))}
            style={{ minWidth: 160 }}
            aria-label={t('members.columns.tier')}
            data-testid="member-tier-filter"
          />
        </Flex>
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        {/* No `scroll.x`: it adds a hidden measuring row to tbody. The wrapper scrolls instead. */}
        <div data-testid="members-table" style={{ overflowX: 'auto' }}>
          <Table<Member>
            rowKey="id"
            columns={columns}
            dataSource={page?.data ?? []}
            loading={list.loading}
            pagination={false}
            style={{ minWidth: 720 }}
            locale={{ emptyText: t('members.empty') }}
            onRow={(member) => ({
              onClick: (event) => openMember(member, event),
              style: { cursor: 'pointer' },
              'data-testid': 'member-row',
            })}
          />
        </div>
        <CursorPager
          stack={stack}
          nextCursor={nextCursor}
          loading={list.loading}
          onChange={(next) => setPaging({ filterKey, stack: next })}
          testIdPrefix="members"
        />
      </Card>
    </Flex>
  )
}
