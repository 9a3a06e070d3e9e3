import type {
  AdvisorContact,
  AdvisorInput,
  AdvisorMember,
  AdvisorPatch,
  AdvisorResource,
  ApiKey,
  AppointmentResource,
  AppointmentSlotInput,
  AppointmentSlotPatch,
  AppointmentSlotResource,
  BenefitInput,
  BenefitPatch,
  BenefitResource,
  CampaignInput,
  CampaignPatch,
  CampaignReport,
  CampaignResource,
  CouponResource,
  CouponTemplateInput,
  CouponTemplatePatch,
  CouponTemplateResource,
  EarningRuleResource,
  ExclusiveEventInput,
  ExclusiveEventResource,
  ImportResource,
  InvitationResource,
  JobRun,
  Member,
  MemberBenefit,
  MemberPatch,
  NewMemberInput,
  PointsPolicy,
  PointTransaction,
  Program,
  RedemptionResource,
  ReleaseAccess,
  ReleaseInput,
  ReleasePatch,
  ReleaseResource,
  RewardInput,
  RewardPatch,
  RewardResource,
  SegmentInput,
  SegmentPatch,
  SegmentResource,
  TierLadder,
  WebhookDeliveryDetail,
  WebhookDeliveryResource,
  WebhookInput,
  WebhookPatch,
  WebhookResource,
  WebhookSummary,
  WebhookWithSecret,
} from '@loyalbase/core'
import type { Static } from 'typebox'
import type {
  ZAdvisor,
  ZAdvisorContact,
  ZAdvisorCreate,
  ZAdvisorMember,
  ZAdvisorPatch,
} from './advisors.js'
import type {
  ZAppointment,
  ZAppointmentSlot,
  ZAppointmentSlotCreate,
  ZAppointmentSlotPatch,
} from './appointments.js'
import type { ZBenefit, ZBenefitCreate, ZBenefitPatch, ZMemberBenefit } from './benefits.js'
import type { ZCampaign, ZCampaignCreate, ZCampaignPatch, ZCampaignReport } from './campaigns.js'
import type {
  ZCoupon,
  ZCouponTemplate,
  ZCouponTemplateCreate,
  ZCouponTemplatePatch,
} from './coupons.js'
import type { ZEarningRule } from './earning-rules.js'
import type { ZExclusiveEvent, ZExclusiveEventCreate, ZInvitation } from './exclusive-events.js'
import type { ZImport } from './imports.js'
import type { ZJobRun } from './jobs.js'
import type { ZMember, ZMemberCreate, ZMemberPatch } from './members.js'
import type { ZPointTransaction } from './points.js'
import type { ZApiKey, ZPointsPolicy, ZProgram } from './programs.js'
import type { ZRelease, ZReleaseAccess, ZReleaseCreate, ZReleasePatch } from './releases.js'
import type { ZReward, ZRewardCreate, ZRewardPatch, ZRewardRedemption } from './rewards.js'
import type { ZSegment, ZSegmentCreate, ZSegmentPatch } from './segments.js'
import type { ZTierLadder } from './tiers.js'
import type {
  ZWebhook,
  ZWebhookCreate,
  ZWebhookDelivery,
  ZWebhookDeliveryDetail,
  ZWebhookPatch,
  ZWebhookSummary,
  ZWebhookWithSecret,
} from './webhooks.js'

/*
 * One contract: the core's types and the wire schemas describe the same shapes, checked by the
 * type checker (`npm run typecheck`). The schemas are the wire contract (they validate requests,
 * type the handlers and write /openapi.json, from which the web app's client is generated); the
 * core's types stay free of HTTP. A field added, dropped, renamed, made optional or given
 * another type on one side and not the other fails the build here, naming the shape.
 */

/** A shape with intersections flattened, so that equal shapes compare equal. */
type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { [K in keyof T]: Plain<T[K]> }
    : T
type Same<A, B> =
  (<T>() => T extends Plain<A> ? 1 : 2) extends <T>() => T extends Plain<B> ? 1 : 2 ? true : false
type Check<T extends true> = T

export type Contract = [
  Check<Same<Static<typeof ZMember>, Member>>,
  Check<Same<Static<typeof ZMemberCreate>, NewMemberInput>>,
  Check<Same<Static<typeof ZMemberPatch>, MemberPatch>>,
  // points_policy is a reference to PointsPolicy on the wire (checked on its own below).
  Check<Same<Omit<Static<typeof ZProgram>, 'points_policy'>, Omit<Program, 'points_policy'>>>,
  Check<Same<Static<typeof ZPointsPolicy>, PointsPolicy>>,
  Check<Same<Static<typeof ZApiKey>, ApiKey>>,
  Check<Same<Static<typeof ZTierLadder>, TierLadder>>,
  Check<Same<Static<typeof ZEarningRule>, EarningRuleResource>>,
  Check<Same<Static<typeof ZJobRun>, JobRun>>,
  Check<Same<Static<typeof ZPointTransaction>, PointTransaction>>,
  Check<Same<Static<typeof ZCouponTemplate>, CouponTemplateResource>>,
  Check<Same<Static<typeof ZCouponTemplateCreate>, CouponTemplateInput>>,
  Check<Same<Static<typeof ZCouponTemplatePatch>, CouponTemplatePatch>>,
  Check<Same<Static<typeof ZCoupon>, CouponResource>>,
  Check<Same<Static<typeof ZSegment>, SegmentResource>>,
  Check<Same<Static<typeof ZSegmentCreate>, SegmentInput>>,
  Check<Same<Static<typeof ZSegmentPatch>, SegmentPatch>>,
  Check<Same<Static<typeof ZCampaign>, CampaignResource>>,
  Check<Same<Static<typeof ZCampaignCreate>, CampaignInput>>,
  Check<Same<Static<typeof ZCampaignPatch>, CampaignPatch>>,
  Check<Same<Static<typeof ZCampaignReport>, CampaignReport>>,
  Check<Same<Static<typeof ZBenefit>, BenefitResource>>,
  Check<Same<Static<typeof ZBenefitCreate>, BenefitInput>>,
  Check<Same<Static<typeof ZBenefitPatch>, BenefitPatch>>,
  Check<Same<Static<typeof ZMemberBenefit>, MemberBenefit>>,
  Check<Same<Static<typeof ZAppointmentSlot>, AppointmentSlotResource>>,
  Check<Same<Static<typeof ZAppointmentSlotCreate>, AppointmentSlotInput>>,
  Check<Same<Static<typeof ZAppointmentSlotPatch>, AppointmentSlotPatch>>,
  Check<Same<Static<typeof ZAppointment>, AppointmentResource>>,
  Check<Same<Static<typeof ZExclusiveEvent>, ExclusiveEventResource>>,
  Check<Same<Static<typeof ZExclusiveEventCreate>, ExclusiveEventInput>>,
  Check<Same<Static<typeof ZInvitation>, InvitationResource>>,
  Check<Same<Static<typeof ZRelease>, ReleaseResource>>,
  Check<Same<Static<typeof ZReleaseCreate>, ReleaseInput>>,
  Check<Same<Static<typeof ZReleasePatch>, ReleasePatch>>,
  Check<Same<Static<typeof ZReleaseAccess>, ReleaseAccess>>,
  Check<Same<Static<typeof ZAdvisor>, AdvisorResource>>,
  Check<Same<Static<typeof ZAdvisorCreate>, AdvisorInput>>,
  Check<Same<Static<typeof ZAdvisorPatch>, AdvisorPatch>>,
  Check<Same<Static<typeof ZAdvisorContact>, AdvisorContact>>,
  Check<Same<Static<typeof ZAdvisorMember>, AdvisorMember>>,
  Check<Same<Static<typeof ZReward>, RewardResource>>,
  Check<Same<Static<typeof ZRewardCreate>, RewardInput>>,
  Check<Same<Static<typeof ZRewardPatch>, RewardPatch>>,
  Check<Same<Static<typeof ZRewardRedemption>, RedemptionResource>>,
  Check<Same<Static<typeof ZImport>, ImportResource>>,
  Check<Same<Static<typeof ZWebhook>, WebhookResource>>,
  Check<Same<Static<typeof ZWebhookWithSecret>, WebhookWithSecret>>,
  Check<Same<Static<typeof ZWebhookSummary>, WebhookSummary>>,
  Check<Same<Static<typeof ZWebhookCreate>, WebhookInput>>,
  Check<Same<Static<typeof ZWebhookPatch>, WebhookPatch>>,
  Check<Same<Static<typeof ZWebhookDelivery>, WebhookDeliveryResource>>,
  Check<Same<Static<typeof ZWebhookDeliveryDetail>, WebhookDeliveryDetail>>,
]
