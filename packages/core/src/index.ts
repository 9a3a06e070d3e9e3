export * from './advisors/advisors.js'
export type { AdvisorQuery } from './advisors/advisors.service.js'
export * from './api-keys/api-keys.js'
export type { ApiKeysService, ProgramKeyIdentity } from './api-keys/api-keys.service.js'
export * from './appointments/appointments.js'
export type {
  AppointmentQuery,
  MemberSlotResource,
  SlotQuery,
} from './appointments/appointments.service.js'
export * from './benefits/benefits.js'
export type {
  BenefitAudit,
  BenefitsService,
  BenefitUseResource,
} from './benefits/benefits.service.js'
export * from './campaigns/campaigns.js'
export {
  type AudiencePreview,
  type CampaignReport,
  DEFAULT_REPORT_WINDOW_DAYS,
} from './campaigns/campaigns.service.js'
export * from './coupons/coupons.js'
export type {
  BulkCodesStarted,
  CodeQuery,
  IssueInput,
  MemberCouponQuery,
  TemplateQuery,
} from './coupons/coupons.service.js'
export { createServices, type Services } from './create-services.js'
export * from './data-export/data-export.js'
export type { ExportProgress } from './data-export/data-export.service.js'
export type {
  ImportOptions,
  ImportProgress,
  ImportReject,
  ImportSummary,
} from './data-import/data-import.service.js'
export { IMPORT_COLUMNS, IMPORT_KINDS, type ImportKind } from './data-import/import-rows.js'
export * from './data-import/imports.js'
export type { ImportsService } from './data-import/imports.service.js'
export * from './demo/demo.js'
export type { DemoProgram } from './demo/demo.service.js'
export * from './domain-events/domain-events.js'
export * from './exclusive-events/exclusive-events.js'
export type { EventQuery, InvitationQuery } from './exclusive-events/exclusive-events.service.js'
export * from './idempotency/idempotency.js'
export * from './jobs/jobs.js'
export * from './ladder/ladder.js'
export * from './members/members.js'
export type { MemberQuery } from './members/members.service.js'
export * from './points/ledger-check.js'
export type { LedgerCheckOptions } from './points/ledger-check.service.js'
export type { PointsBalance, PointTransaction } from './points/points.js'
export type { PortalIdentity, PortalSession } from './portal/portal-sessions.service.js'
export * from './programs/programs.js'
export { type ProgramContext, presentProgram } from './programs/programs.service.js'
export * from './releases/releases.js'
export type { MemberRelease, ReleaseQuery } from './releases/releases.service.js'
export * from './rewards/rewards.js'
export type {
  RedeemInput,
  RedemptionQuery,
  RewardQuery,
} from './rewards/rewards.service.js'
export * from './rules/rule-condition.js'
export * from './rules/rule-context.js'
export * from './rules/rules.js'
export type { PreviewInput, PreviewResult, RuleQuery, SampleMember } from './rules/rules.service.js'
export * from './segments/segments.js'
export type {
  SegmentMembersPage,
  SegmentPreview,
  SegmentQuery,
} from './segments/segments.service.js'
export * from './shared/app-error.js'
export * from './shared/clock.js'
export * from './shared/ids.js'
export * from './shared/limits.js'
export * from './shared/pagination.js'
export {
  createWebhookSender,
  DEFAULT_SENDER_OPTIONS,
  type WebhookSender,
  type WebhookSenderOptions,
} from './webhooks/webhook-sender.js'
export { forbiddenAddress } from './webhooks/webhook-target.js'
export * from './webhooks/webhooks.js'
export type {
  DeliveryQuery,
  WebhookSummary,
  WebhooksService,
} from './webhooks/webhooks.service.js'
