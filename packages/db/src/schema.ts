import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Table types for Kysely; keep in step with `migrations/`. */
type Timestamp = ColumnType<Date, Date | string, Date | string>
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Json<T = unknown> = ColumnType<T, string, string>
/** A jsonb column with a default: it may be left out on insert. */
type GeneratedJson<T = unknown> = ColumnType<T, string | undefined, string>
/** A timestamp with a default of now(): it may be left out on insert, and set on update. */
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>

export interface PlatformSettingsTable {
  key: string
  value: Json
  updated_at: Generated<Date>
}

export interface ProgramsTable {
  id: string
  name: string
  currency: string
  timezone: string
  locale: string
  points_policy: Json<Record<string, unknown>>
  tier_ladder: Json<Record<string, unknown>>
  rules_version: Generated<number>
  /** Moved by a trigger on every update (0008_order_write.sql). */
  version: Generated<number>
  /** Webhooks may target link-local and cloud-metadata addresses (0023_webhooks.sql). */
  webhook_private_targets: Generated<boolean>
  created_at: CreatedAt
}

export interface ApiKeysTable {
  program_id: string
  id: string
  name: string
  role: 'admin' | 'server' | 'readonly'
  prefix: string
  key_hash: string
  created_at: CreatedAt
  last_used_at: Timestamp | null
  revoked_at: Timestamp | null
}

export interface MembersTable {
  program_id: string
  id: string
  external_id: string
  name: string | null
  phone: string | null
  email: string | null
  birthday: string | null
  status: Generated<string>
  joined_at: Timestamp
  attributes: GeneratedJson<Record<string, unknown>>
  referral_code: string
  referred_by: string | null
  tier_key: string
  tier_since: Timestamp
  points_available: Generated<number>
  points_pending: Generated<number>
  growth: Generated<number>
  lifetime_spend: Generated<number>
  orders_count: Generated<number>
  points_earned: Generated<number>
  points_redeemed: Generated<number>
  points_expired: Generated<number>
  points_reversed: Generated<number>
  points_adjusted: Generated<number>
  tier_overridden: Generated<boolean>
  tier_override_until: Timestamp | null
  tier_reviewed: string | null
  created_at: CreatedAt
  updated_at: Generated<Date>
  /** Moved by a trigger on every update (0008_order_write.sql). */
  version: Generated<number>
}

export interface IdempotencyKeysTable {
  program_id: string
  scope: string
  key: string
  fingerprint: string
  status_code: number
  response_body: string
  created_at: CreatedAt
}

export interface PortalSessionsTable {
  token_hash: string
  program_id: string
  member_id: string
  locale: string | null
  return_url: string | null
  expires_at: Timestamp
  created_at: CreatedAt
}

export interface JobRunsTable {
  program_id: string
  id: string
  name: string
  trigger: 'schedule' | 'manual'
  slot: Timestamp | null
  as_of: Timestamp
  started_at: CreatedAt
  finished_at: Timestamp | null
  processed: number | null
  progress: number | null
  error: string | null
}

export interface AuditLogTable {
  program_id: string
  id: string
  actor: string
  action: string
  subject_kind: string
  subject_id: string
  data: GeneratedJson<Record<string, unknown>>
  created_at: CreatedAt
}

export interface PointLotsTable {
  program_id: string
  member_id: string
  id: string
  status: 'pending' | 'available'
  earned: number
  remaining: number
  earned_at: Timestamp
  available_at: Timestamp
  expires_at: Timestamp | null
  source_kind: string
  source_id: string
  rule_id: string | null
  created_at: CreatedAt
}

export type PointTransactionType = 'earn' | 'release' | 'redeem' | 'expire' | 'reverse' | 'adjust'

export interface PointTransactionsTable {
  program_id: string
  member_id: string
  id: string
  type: PointTransactionType
  points: number
  available_delta: number
  pending_delta: number
  balance_after: number
  pending_after: number
  source_kind: string
  source_id: string
  rule_id: string | null
  lot_id: string | null
  expires_at: Timestamp | null
  note: string | null
  actor: string | null
  created_at: CreatedAt
}

export interface PointLotConsumptionsTable {
  program_id: string
  member_id: string
  transaction_id: string
  lot_id: string
  points: number
}

export interface EarningRulesTable {
  program_id: string
  id: string
  name: string
  trigger: string
  condition: ColumnType<Record<string, unknown> | null, string | null, string | null>
  reward: Json<Record<string, unknown>>
  growth: ColumnType<Record<string, unknown> | null, string | null, string | null>
  tier_multipliers: GeneratedJson<Record<string, number>>
  limits: GeneratedJson<Record<string, number>>
  starts_at: Timestamp | null
  ends_at: Timestamp | null
  active: Generated<boolean>
  budget_used: Generated<number>
  created_at: CreatedAt
  updated_at: UpdatedAt
  deleted_at: Timestamp | null
}

export interface EarningRuleUsageTable {
  program_id: string
  rule_id: string
  member_id: string
  /** `day:YYYY-MM-DD`, `month:YYYY-MM` (program time zone) or `total`. */
  period: string
  points: Generated<number>
}

export interface OrdersTable {
  program_id: string
  id: string
  member_id: string
  amount: number
  shipping_fee: Generated<number>
  channel: string | null
  items: GeneratedJson<unknown[]>
  /** What the order's coupons took off, each with its share of every item (docs/checkout.md). */
  discounts: GeneratedJson<unknown[]>
  occurred_at: Timestamp
  points_earned: Generated<number>
  growth_earned: Generated<number>
  /** Points the member paid with (`points_to_redeem`), their value, and what refunds gave back. */
  points_redeemed: Generated<number>
  points_value: Generated<number>
  points_returned: Generated<number>
  refunded_amount: Generated<number>
  points_reversed: Generated<number>
  growth_reversed: Generated<number>
  fingerprint: string
  response_body: Generated<string>
  created_at: CreatedAt
}

export interface RefundsTable {
  program_id: string
  id: string
  order_id: string
  member_id: string
  amount: number
  items: Json<unknown[]> | null
  points_reversed: Generated<number>
  growth_reversed: Generated<number>
  /** Redeemed points of the order this refund gave back. */
  points_returned: Generated<number>
  fingerprint: string
  response_body: Generated<string>
  created_at: CreatedAt
}

export interface EventsTable {
  program_id: string
  id: string
  type: string
  member_id: string
  occurred_at: Timestamp
  properties: GeneratedJson<Record<string, unknown>>
  points_earned: Generated<number>
  growth_earned: Generated<number>
  fingerprint: string
  response_body: Generated<string>
  created_at: CreatedAt
}

export type TierChangeReason =
  | 'upgrade'
  | 'downgrade'
  | 'override'
  | 'override_expired'
  | 'ladder_change'

export interface TierChangesTable {
  program_id: string
  member_id: string
  id: string
  from_tier: string
  to_tier: string
  reason: TierChangeReason
  actor: string | null
  note: string | null
  at: Timestamp
}

export interface OutboxEventsTable {
  program_id: string
  id: string
  type: string
  member_id: string | null
  data: GeneratedJson<Record<string, unknown>>
  created_at: CreatedAt
}

export type CouponDiscountColumn =
  | { type: 'percent'; percent_off: number; max_amount?: number }
  | { type: 'amount'; amount_off: number }
  | { type: 'free_shipping' }

export interface CouponTemplatesTable {
  program_id: string
  id: string
  name: string
  discount: Json<CouponDiscountColumn>
  min_spend: number | null
  applies_to: ColumnType<
    { categories?: string[]; skus?: string[] } | null,
    string | null,
    string | null
  >
  validity_days: number | null
  starts_at: Timestamp | null
  ends_at: Timestamp | null
  per_member_limit: number | null
  total_limit: number | null
  stackable: Generated<boolean>
  active: Generated<boolean>
  issued: Generated<number>
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export interface CouponCodeBatchesTable {
  program_id: string
  /** The `coupon-codes` job run that makes the codes. */
  run_id: string
  template_id: string
  count: number
  generated: Generated<number>
  created_at: CreatedAt
  finished_at: Timestamp | null
}

export type CouponStatus = 'unassigned' | 'active' | 'redeemed'

export interface CouponsTable {
  program_id: string
  id: string
  template_id: string
  /** Normalised: 16 Crockford base32 characters, upper case, no dashes. */
  code: string
  status: CouponStatus
  member_id: string | null
  run_id: string | null
  issued_at: Timestamp | null
  starts_at: Timestamp | null
  expires_at: Timestamp | null
  redeemed_at: Timestamp | null
  /** The order that redeemed it, while it stays redeemed. */
  order_id: string | null
  created_at: CreatedAt
}

export interface SegmentsTable {
  program_id: string
  id: string
  name: string
  /** A JsonLogic condition, checked by the core (segments.ts). */
  condition: Json<Record<string, unknown>>
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export interface CampaignsTable {
  program_id: string
  id: string
  name: string
  trigger: Json<Record<string, unknown>>
  reward: Json<Record<string, unknown>>
  max_rewards: number | null
  max_cost: number | null
  /** numeric(5,2), read as a number. */
  holdout_percent: Generated<number>
  starts_at: Timestamp
  ends_at: Timestamp | null
  active: Generated<boolean>
  rewards_issued: Generated<number>
  cost: Generated<number>
  /** The local day of the last birthday or inactivity sweep, `YYYY-MM-DD`. */
  swept_on: string | null
  /** When a scheduled campaign took its segment's members. */
  audience_taken_at: Timestamp | null
  /** The `as_of` event triggers last read their events up to. */
  events_read_to: Timestamp | null
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export interface CampaignMembersTable {
  program_id: string
  campaign_id: string
  member_id: string
  occasion: string
  grp: 'treated' | 'holdout'
  status: 'pending' | 'rewarded' | 'holdout' | 'over_budget' | 'refused'
  reward_ref: string | null
  cost: Generated<number>
  note: string | null
  assigned_at: Timestamp
  rewarded_at: Timestamp | null
}

export type BenefitType =
  | 'free_shipping'
  | 'discount'
  | 'points_multiplier'
  | 'early_access'
  | 'event_invitation'
  | 'dedicated_service'
  | 'appointment'
  | 'custom'

export interface BenefitsTable {
  program_id: string
  id: string
  key: string
  name: string
  type: BenefitType
  /** The tier keys whose members have the benefit. */
  tiers: GeneratedJson<string[]>
  quota_count: number | null
  quota_period: 'week' | 'month' | 'year' | null
  config: GeneratedJson<Record<string, unknown>>
  active: Generated<boolean>
  created_at: CreatedAt
  updated_at: UpdatedAt
  deleted_at: Timestamp | null
}

export interface BenefitUsageTable {
  program_id: string
  benefit_id: string
  member_id: string
  period: string
  used: Generated<number>
}

export interface BenefitUsesTable {
  program_id: string
  id: string
  benefit_id: string
  member_id: string
  tier_key: string
  period: string | null
  /** `order`, `booking`, `rsvp` or `manual`. */
  reference_kind: string
  reference_id: string | null
  /** What the use was worth in minor units (a discount, free shipping), else 0. */
  amount: Generated<number>
  used_at: Timestamp
  returned_at: Timestamp | null
}

export type AppointmentStatus = 'booked' | 'cancelled'
export type AppointmentActor = 'member' | 'staff'

export interface AppointmentSlotsTable {
  program_id: string
  id: string
  service: string
  starts_at: Timestamp
  ends_at: Timestamp
  capacity: number
  /** Live bookings, moved by conditional updates that never pass `capacity`. */
  booked: Generated<number>
  /** Tier keys whose members may book; null: every tier. */
  tiers: Json<string[]> | null
  created_at: CreatedAt
  updated_at: UpdatedAt
  deleted_at: Timestamp | null
}

export interface AppointmentsTable {
  program_id: string
  id: string
  slot_id: string
  member_id: string
  status: AppointmentStatus
  booked_by: AppointmentActor
  booked_at: Timestamp
  cancelled_by: AppointmentActor | null
  cancelled_at: Timestamp | null
}

export interface ExclusiveEventsTable {
  program_id: string
  id: string
  title: string
  description: string | null
  location: string | null
  starts_at: Timestamp
  capacity: number
  /** The tier keys whose members are invited. */
  tiers: Json<string[]>
  invited: Generated<number>
  /** Invitations answered yes, moved by conditional updates that never pass `capacity`. */
  attending: Generated<number>
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export type Rsvp = 'yes' | 'no'

export interface EventInvitationsTable {
  program_id: string
  event_id: string
  member_id: string
  tier_key: string
  via: 'creation' | 'rsvp'
  invited_at: Timestamp
  rsvp: Rsvp | null
  responded_at: Timestamp | null
}

/** One entry of a release's early access: the tier's head start before `public_at`. */
export interface EarlyAccessColumn {
  tier: string
  hours_before: number
}

export interface ReleasesTable {
  program_id: string
  id: string
  sku: string
  name: string
  public_at: Timestamp
  early_access: GeneratedJson<EarlyAccessColumn[]>
  created_at: CreatedAt
  updated_at: UpdatedAt
  deleted_at: Timestamp | null
}

export interface AdvisorsTable {
  program_id: string
  id: string
  name: string
  contact: string
  capacity: number
  /** Members assigned: moved only by the database's functions (0022_releases_advisors.sql). */
  load: Generated<number>
  active: Generated<boolean>
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export interface AdvisorAssignmentsTable {
  program_id: string
  member_id: string
  advisor_id: string
  assigned_at: Timestamp
}

export type RewardType = 'product' | 'coupon' | 'service'
export type RewardRedemptionStatus = 'pending' | 'fulfilled' | 'cancelled'

export interface RewardsTable {
  program_id: string
  id: string
  name: string
  description: string | null
  image_url: string | null
  type: RewardType
  points_cost: number
  cash_cost: Generated<number>
  /** As the operator set it; null: unlimited. */
  stock: number | null
  /** stock - redeemed, never below 0; null when unlimited. */
  stock_remaining: number | null
  /** Quantities of the redemptions not cancelled. */
  redeemed: Generated<number>
  /** The tier keys whose members may redeem it; empty: every tier. */
  tiers: GeneratedJson<string[]>
  per_member_limit: number | null
  coupon_template_id: string | null
  active: Generated<boolean>
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export interface RewardRedemptionsTable {
  program_id: string
  id: string
  reward_id: string
  member_id: string
  quantity: number
  status: RewardRedemptionStatus
  points_spent: number
  cash_cost: Generated<number>
  /** The `redeem` ledger entry. */
  transaction_id: string
  /** The coupons a coupon reward issued. */
  coupons: GeneratedJson<{ id: string; code: string }[]>
  note: string | null
  created_at: CreatedAt
  fulfilled_at: Timestamp | null
  cancelled_at: Timestamp | null
}

export interface DB {
  platform_settings: PlatformSettingsTable
  programs: ProgramsTable
  api_keys: ApiKeysTable
  members: MembersTable
  idempotency_keys: IdempotencyKeysTable
  portal_sessions: PortalSessionsTable
  job_runs: JobRunsTable
  audit_log: AuditLogTable
  earning_rules: EarningRulesTable
  earning_rule_usage: EarningRuleUsageTable
  point_lots: PointLotsTable
  point_transactions: PointTransactionsTable
  point_lot_consumptions: PointLotConsumptionsTable
  orders: OrdersTable
  tier_changes: TierChangesTable
  outbox_events: OutboxEventsTable
  refunds: RefundsTable
  events: EventsTable
  coupon_templates: CouponTemplatesTable
  coupon_code_batches: CouponCodeBatchesTable
  coupons: CouponsTable
  segments: SegmentsTable
  campaigns: CampaignsTable
  campaign_members: CampaignMembersTable
  benefits: BenefitsTable
  benefit_usage: BenefitUsageTable
  benefit_uses: BenefitUsesTable
  appointment_slots: AppointmentSlotsTable
  appointments: AppointmentsTable
  exclusive_events: ExclusiveEventsTable
  event_invitations: EventInvitationsTable
  releases: ReleasesTable
  advisors: AdvisorsTable
  advisor_assignments: AdvisorAssignmentsTable
  rewards: RewardsTable
  reward_redemptions: RewardRedemptionsTable
  webhooks: WebhooksTable
  webhook_deliveries: WebhookDeliveriesTable
  webhook_attempts: WebhookAttemptsTable
  imports: ImportsTable
  import_rejects: ImportRejectsTable
}

export interface WebhooksTable {
  program_id: string
  id: string
  url: string
  /** Domain event types, or `*` for all. */
  events: string[]
  description: string | null
  secret: string
  active: Generated<boolean>
  created_at: CreatedAt
  updated_at: UpdatedAt
}

/** One per webhook and domain event, made by a trigger on the outbox (0023_webhooks.sql). */
export interface WebhookDeliveriesTable {
  program_id: string
  id: string
  webhook_id: string
  event_id: string
  event_type: string
  status: Generated<'pending' | 'delivered' | 'failed'>
  attempts: Generated<number>
  max_attempts: Generated<number>
  next_attempt_at: Timestamp | null
  last_attempt_at: Timestamp | null
  response_code: number | null
  error: string | null
  delivered_at: Timestamp | null
  created_at: CreatedAt
}

export interface WebhookAttemptsTable {
  program_id: string
  delivery_id: string
  attempt: number
  started_at: Timestamp
  duration_ms: number
  response_code: number | null
  response_body: string | null
  error: string | null
}

export interface ImportsTable {
  program_id: string
  id: string
  kind: 'members' | 'orders'
  file_name: string | null
  status: Generated<'running' | 'done' | 'failed'>
  bytes_total: number
  bytes_read: Generated<number>
  records: Generated<number>
  imported: Generated<number>
  unchanged: Generated<number>
  rejected: Generated<number>
  error: string | null
  created_at: CreatedAt
  updated_at: UpdatedAt
  finished_at: Timestamp | null
}

export interface ImportRejectsTable {
  program_id: string
  import_id: string
  n: number
  line: number
  error: string
  record: string
}

export type MemberRow = Selectable<MembersTable>
export type ImportRow = Selectable<ImportsTable>
export type WebhookRow = Selectable<WebhooksTable>
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>
export type WebhookAttemptRow = Selectable<WebhookAttemptsTable>
export type NewMember = Insertable<MembersTable>
export type MemberUpdate = Updateable<MembersTable>
export type ProgramRow = Selectable<ProgramsTable>
export type ApiKeyRow = Selectable<ApiKeysTable>
export type JobRunRow = Selectable<JobRunsTable>
export type PointLotRow = Selectable<PointLotsTable>
export type PointTransactionRow = Selectable<PointTransactionsTable>
export type EarningRuleRow = Selectable<EarningRulesTable>
export type OrderRow = Selectable<OrdersTable>
export type RefundRow = Selectable<RefundsTable>
export type EventRow = Selectable<EventsTable>
export type TierChangeRow = Selectable<TierChangesTable>
export type OutboxEventRow = Selectable<OutboxEventsTable>
export type CouponTemplateRow = Selectable<CouponTemplatesTable>
export type CouponCodeBatchRow = Selectable<CouponCodeBatchesTable>
export type CouponRow = Selectable<CouponsTable>
export type SegmentRow = Selectable<SegmentsTable>
export type CampaignRow = Selectable<CampaignsTable>
export type CampaignMemberRow = Selectable<CampaignMembersTable>
export type BenefitRow = Selectable<BenefitsTable>
export type BenefitUseRow = Selectable<BenefitUsesTable>
export type AppointmentSlotRow = Selectable<AppointmentSlotsTable>
export type AppointmentRow = Selectable<AppointmentsTable>
export type ExclusiveEventRow = Selectable<ExclusiveEventsTable>
export type EventInvitationRow = Selectable<EventInvitationsTable>
export type ReleaseRow = Selectable<ReleasesTable>
export type AdvisorRow = Selectable<AdvisorsTable>
export type RewardRow = Selectable<RewardsTable>
export type RewardRedemptionRow = Selectable<RewardRedemptionsTable>
