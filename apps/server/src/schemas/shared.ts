import { ZAdvisor, ZAdvisorContact } from './advisors.js'
import { ZAppointment, ZAppointmentSlot } from './appointments.js'
import { ZBenefit } from './benefits.js'
import { ZCampaign } from './campaigns.js'
import { ZProblem } from './common.js'
import { ZCoupon, ZCouponTemplate } from './coupons.js'
import { ZEarningRule } from './earning-rules.js'
import { ZExclusiveEvent, ZInvitation } from './exclusive-events.js'
import { ZImport } from './imports.js'
import { ZJobRun } from './jobs.js'
import { ZMember } from './members.js'
import { ZOrder } from './orders.js'
import { ZPointTransaction } from './points.js'
import { ZApiKey, ZPointsPolicy, ZProgram } from './programs.js'
import { ZRelease, ZReleaseAccess } from './releases.js'
import { ZReward, ZRewardRedemption } from './rewards.js'
import { ZSegment } from './segments.js'
import { ZTierLadder } from './tiers.js'
import { ZWebhook, ZWebhookDelivery } from './webhooks.js'

/** Schemas with an `$id`: registered once at the root, named as OpenAPI components. */
export const SHARED_SCHEMAS = [
  ZProblem,
  ZPointsPolicy,
  ZProgram,
  ZApiKey,
  ZMember,
  ZTierLadder,
  ZJobRun,
  ZPointTransaction,
  ZOrder,
  ZEarningRule,
  ZCouponTemplate,
  ZCoupon,
  ZSegment,
  ZCampaign,
  ZBenefit,
  ZAppointmentSlot,
  ZAppointment,
  ZExclusiveEvent,
  ZInvitation,
  ZRelease,
  ZReleaseAccess,
  ZAdvisor,
  ZAdvisorContact,
  ZReward,
  ZRewardRedemption,
  ZWebhook,
  ZWebhookDelivery,
  ZImport,
]
