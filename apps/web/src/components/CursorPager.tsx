import { LeftOutlined, RightOutlined } from '@ant-design/icons'
import { Button, Flex, Typography } from 'antd'
import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import { type CursorStack, nextPage, previousPage } from './cursor-stack'

/**
 * "Page n · previous · next" under a list the API pages by cursor: `stack` holds the cursors of
 * the pages visited (cursor-stack.ts); `onChange` gets the stack of the page to show.
 */
export function CursorPager({
  stack,
  nextCursor,
  loading,
  onChange,
  testIdPrefix,
  style = { marginTop: 16 },
}: {
  stack: CursorStack
  nextCursor: string | null
  loading: boolean
  onChange(stack: CursorStack): void
  /** `<prefix>-previous` and `<prefix>-next` name the buttons for browser journeys. */
  testIdPrefix?: string
  style?: CSSProperties
}) {
  const { t } = useTranslation()
  return (
    <Flex justify="flex-end" align="center" gap={8} style={style}>
      <Typography.Text type="secondary">
        {t('members.page', { page: stack.length + 1 })}
      </Typography.Text>
      <Button
        icon={<LeftOutlined />}
        disabled={stack.length === 0 || loading}
        onClick={() => onChange(previousPage(stack))}
        data-testid={testIdPrefix && `${testIdPrefix}-previous`}
      >
        {t('members.previous')}
      </Button>
      <Button
        disabled={nextCursor === null || loading}
        onClick={() => nextCursor && onChange(nextPage(stack, nextCursor))}
        data-testid={testIdPrefix && `${testIdPrefix}-next`}
      >
        {t('members.next')}
        <RightOutlined />
      </Button>
    </Flex>
  )
}
