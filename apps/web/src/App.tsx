import { Flex, Spin } from 'antd'
import { lazy, Suspense } from 'react'
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom'
import { AppProviders } from './components/AppProviders'

// The two faces load separately: a member on a phone never downloads the console.
const AdminRoutes = lazy(() => import('./pages/admin/AdminRoutes'))
const PortalPage = lazy(() => import('./pages/portal/PortalPage'))

function PageLoading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  )
}

export function App() {
  return (
    <AppProviders>
      {/* Navigations render at once rather than as transitions, so what a click or Enter
          changed is on screen when the event is over (predictable for users and tests). */}
      <BrowserRouter useTransitions={false}>
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route path="/admin/*" element={<AdminRoutes />} />
            <Route path="/portal/*" element={<PortalPage />} />
            <Route path="*" element={<Navigate to="/admin" replace />} />
          </Routes>
        </Suspense>
      </BrowserRouter>
    </AppProviders>
  )
}
