import { lazy } from 'react'
import { Navigate, Route, Routes } from 'react-router-dom'
import { AdminLayout } from '../../components/AdminLayout'
import { AdminSessionProvider } from '../../session/AdminSession'
import { RequireProgramKey } from '../../session/RequireProgramKey'
import { BenefitsPage } from './benefits/BenefitsPage'
import { CampaignBuilderPage } from './campaigns/CampaignBuilderPage'
import { CampaignDetailPage } from './campaigns/CampaignDetailPage'
import { CampaignsPage } from './campaigns/CampaignsPage'
import { CouponsPage } from './coupons/CouponsPage'
import { TemplateDetailPage } from './coupons/TemplateDetailPage'
import { TemplateEditorPage } from './coupons/TemplateEditorPage'
import { ImportsPage } from './imports/ImportsPage'
import { MemberDetailPage } from './members/MemberDetailPage'
import { MemberListPage } from './members/MemberListPage'
import { NotFoundPage } from './NotFoundPage'
import { OrderDetailPage } from './orders/OrderDetailPage'
import { PointsPage } from './points/PointsPage'
import { RewardsPage } from './rewards/RewardsPage'
import { RuleEditorPage } from './rules/RuleEditorPage'
import { RulesListPage } from './rules/RulesListPage'
import { SignInPage } from './SignInPage'
import { SegmentDetailPage } from './segments/SegmentDetailPage'
import { SegmentEditorPage } from './segments/SegmentEditorPage'
import { SegmentsPage } from './segments/SegmentsPage'
import { SettingsPage } from './settings/SettingsPage'
import { WebhooksPage } from './webhooks/WebhooksPage'

// Charts pull in ECharts; load them only when an operator opens analytics or tiers.
const AnalyticsPage = lazy(() => import('./analytics/AnalyticsPage'))
const TiersPage = lazy(() => import('./tiers/TiersPage'))

/** Everything under `/admin`. */
export default function AdminRoutes() {
  return (
    <AdminSessionProvider>
      <Routes>
        <Route path="signin" element={<SignInPage />} />
        <Route
          element={
            <RequireProgramKey>
              <AdminLayout />
            </RequireProgramKey>
          }
        >
          <Route index element={<Navigate to="members" replace />} />
          <Route path="members" element={<MemberListPage />} />
          <Route path="members/:id" element={<MemberDetailPage />} />
          <Route path="segments" element={<SegmentsPage />} />
          <Route path="segments/new" element={<SegmentEditorPage />} />
          <Route path="segments/:id" element={<SegmentDetailPage />} />
          <Route path="segments/:id/edit" element={<SegmentEditorPage />} />
          <Route path="points" element={<PointsPage />} />
          <Route path="rules" element={<RulesListPage />} />
          <Route path="rules/:id" element={<RuleEditorPage />} />
          <Route path="orders/:id" element={<OrderDetailPage />} />
          <Route path="tiers" element={<TiersPage />} />
          <Route path="coupons" element={<CouponsPage />} />
          <Route path="coupons/new" element={<TemplateEditorPage />} />
          <Route path="coupons/:id" element={<TemplateDetailPage />} />
          <Route path="campaigns" element={<CampaignsPage />} />
          <Route path="campaigns/new" element={<CampaignBuilderPage />} />
          <Route path="campaigns/:id" element={<CampaignDetailPage />} />
          <Route path="benefits" element={<BenefitsPage />} />
          <Route path="rewards" element={<RewardsPage />} />
          <Route path="analytics" element={<AnalyticsPage />} />
          <Route path="imports" element={<ImportsPage />} />
          <Route path="webhooks" element={<WebhooksPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </AdminSessionProvider>
  )
}
