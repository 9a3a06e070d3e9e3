import { Flex, Tabs, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FulfilmentQueue } from './FulfilmentQueue'
import { RewardCatalog } from './RewardCatalog'

type Tab = 'catalog' | 'queue'

/** 积分商城: the catalog (stock, remaining, create and edit) and the fulfilment queue. */
export function RewardsPage() {
  const { t } = useTranslation()
  const [tab, setTab] = useState<Tab>('catalog')
  return (
    <Flex vertical gap={16}>
      <Flex vertical gap={4}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('rewards.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('rewards.subtitle')}</Typography.Text>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        destroyOnHidden
        items={[
          {
            key: 'catalog',
            label: <span data-testid="rewards-tab-catalog">{t('rewards.tabs.catalog')}</span>,
            children: <RewardCatalog />,
          },
          {
            key: 'queue',
            label: <span data-testid="rewards-tab-queue">{t('rewards.tabs.queue')}</span>,
            children: <FulfilmentQueue />,
          },
        ]}
      />
    </Flex>
  )
}
