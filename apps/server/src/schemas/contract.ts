import type {
  ApiKey,
  CampaignInput,
  CampaignPatch,
  CampaignReport,
  CampaignResource,
  CouponResource,
  CouponTemplateInput,
  CouponTemplatePatch,
  CouponTemplateResource,
  EarningRuleResource,
  JobRun,
  Member,
  MemberPatch,
  NewMemberInput,
  PointsPolicy,
  PointTransaction,
  Program,
  RedemptionResource,
  RewardInput,
  RewardPatch,
  RewardResource,
  SegmentInput,
  SegmentPatch,
  SegmentResource,
  TierLadder,
} from '@loyalbase/core'
import type { Static } from 'typebox'
import type { ZCampaign, ZCampaignCreate, ZCampaignPatch, ZCampaignReport } from './campaigns.js'
import type {
  ZCoupon,
  ZCouponTemplate,
  ZCouponTemplateCreate,
  ZCouponTemplatePatch,
} from './coupons.js'
import type { ZEarningRule } from './earning-rules.js'
import type { ZJobRun } from './jobs.js'
import type { ZMember, ZMemberCreate, ZMemberPatch } from './members.js'
import type { ZPointTransaction } from './points.js'
import type { ZApiKey, ZPointsPolicy, ZProgram } from './programs.js'
import type { ZReward, ZRewardCreate, ZRewardPatch, ZRewardRedemption } from './rewards.js'
import type { ZSegment, ZSegmentCreate, ZSegmentPatch } from './segments.js'
import type { ZTierLadder } from './tiers.js'

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
  Check<Same<Static<typeof ZReward>, RewardResource>>,
  Check<Same<Static<typeof ZRewardCreate>, RewardInput>>,
  Check<Same<Static<typeof ZRewardPatch>, RewardPatch>>,
  Check<Same<Static<typeof ZRewardRedemption>, RedemptionResource>>,
]
