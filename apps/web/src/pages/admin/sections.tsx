import {
  ApiOutlined,
  BarChartOutlined,
  ClusterOutlined,
  CrownOutlined,
  GiftOutlined,
  NotificationOutlined,
  SettingOutlined,
  ShopOutlined,
  StarOutlined,
  TagsOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UploadOutlined,
} from '@ant-design/icons'
import type { ReactNode } from 'react'

/** The console's sections, in menu order. Each has a route `/admin/<key>` and a page folder. */
export const ADMIN_SECTIONS = [
  { key: 'members', icon: <TeamOutlined /> },
  { key: 'segments', icon: <ClusterOutlined /> },
  { key: 'points', icon: <StarOutlined /> },
  { key: 'rules', icon: <ThunderboltOutlined /> },
  { key: 'tiers', icon: <CrownOutlined /> },
  { key: 'coupons', icon: <TagsOutlined /> },
  { key: 'campaigns', icon: <NotificationOutlined /> },
  { key: 'benefits', icon: <GiftOutlined /> },
  { key: 'rewards', icon: <ShopOutlined /> },
  { key: 'analytics', icon: <BarChartOutlined /> },
  { key: 'imports', icon: <UploadOutlined /> },
  { key: 'webhooks', icon: <ApiOutlined /> },
  { key: 'settings', icon: <SettingOutlined /> },
] as const satisfies readonly { key: string; icon: ReactNode }[]

export type AdminSectionKey = (typeof ADMIN_SECTIONS)[number]['key']

export function sectionFromPath(pathname: string): AdminSectionKey | undefined {
  const segment = pathname.split('/')[2]
  return ADMIN_SECTIONS.find((section) => section.key === segment)?.key
}
