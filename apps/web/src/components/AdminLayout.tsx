import { LogoutOutlined } from '@ant-design/icons'
import { Button, Flex, Layout, Menu, Spin, Typography, theme } from 'antd'
import { Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation } from 'react-router-dom'
import { ADMIN_SECTIONS, sectionFromPath } from '../pages/admin/sections'
import { useAdminSession } from '../session/AdminSession'
import { LanguageSwitch } from './LanguageSwitch'
import { useDocumentTitle } from './use-document-title'

const { Header, Sider, Content } = Layout

export function AdminLayout() {
  const { t } = useTranslation()
  const { program, signOut } = useAdminSession()
  const { pathname } = useLocation()
  const { token } = theme.useToken()
  const [collapsed, setCollapsed] = useState(false)
  const selected = sectionFromPath(pathname)
  useDocumentTitle(
    selected ? `${t(`admin.nav.${selected}`)} · ${t('admin.title')}` : t('admin.title'),
  )

  const items = ADMIN_SECTIONS.map((section) => ({
    key: section.key,
    icon: section.icon,
    label: (
      <Link to={`/admin/${section.key}`} data-testid={`nav-${section.key}`}>
        {t(`admin.nav.${section.key}`)}
      </Link>
    ),
  }))

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        theme="light"
        // Sticky, so the menu stays in view beside a long table.
        style={{
          position: 'sticky',
          top: 0,
          height: '100vh',
          overflow: 'auto',
          borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Link to="/admin/members" className="lb-brand">
          <span className="lb-brand-mark">L</span>
          {collapsed ? null : <span className="lb-brand-name">{t('common.appName')}</span>}
        </Link>
        <Menu
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items}
          style={{ borderInlineEnd: 'none' }}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: 24,
          }}
        >
          <Flex align="center" justify="space-between" gap={16} style={{ height: '100%' }}>
            <Typography.Text strong ellipsis data-testid="admin-program-name">
              {program?.name ?? t('admin.title')}
            </Typography.Text>
            <Flex align="center" gap={8}>
              <LanguageSwitch />
              <Button
                type="text"
                icon={<LogoutOutlined />}
                onClick={signOut}
                data-testid="signout-button"
              >
                {t('admin.signOut')}
              </Button>
            </Flex>
          </Flex>
        </Header>
        <Content style={{ padding: 24 }}>
          <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: 80 }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  )
}
