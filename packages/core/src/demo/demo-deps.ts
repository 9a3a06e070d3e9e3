import type { AdvisorsService } from '../advisors/index.js'
import type { ApiKeysService } from '../api-keys/index.js'
import type { AppointmentsService } from '../appointments/index.js'
import type { BenefitsService } from '../benefits/index.js'
import type { CampaignsService } from '../campaigns/index.js'
import type { CouponsService } from '../coupons/index.js'
import type { EventsService } from '../events/index.js'
import type { ExclusiveEventsService } from '../exclusive-events/index.js'
import type { TierLadder } from '../ladder/index.js'
import type { MembersService } from '../members/index.js'
import type { OrderItem, OrdersService } from '../orders/index.js'
import type { ProgramContext, ProgramsService } from '../programs/index.js'
import type { ReleasesService } from '../releases/index.js'
import type { RewardsService } from '../rewards/index.js'
import type { RulesService } from '../rules/index.js'
import type { SegmentsService } from '../segments/index.js'

/**
 * The use cases the demo is made with: the API's own, so that ledgers, tiers, quotas and events
 * come out exactly as they would from a merchant's traffic. Those whose module does not list
 * its service's type are named by the one call the demo makes.
 */
export interface DemoDeps {
  programs: ProgramsService
  apiKeys: ApiKeysService
  members: MembersService
  rules: RulesService
  benefits: BenefitsService
  orders: OrdersService
  events: EventsService
  coupons: CouponsService
  campaigns: CampaignsService
  segments: SegmentsService
  advisors: AdvisorsService
  appointments: AppointmentsService
  exclusiveEvents: ExclusiveEventsService
  releases: ReleasesService
  rewards: RewardsService
  /** `PUT /v1/tiers`. */
  tiers: { setLadder(program: ProgramContext, ladder: TierLadder): Promise<unknown> }
  /** `POST /v1/checkout/quote`: what an order with a coupon and points comes to. */
  checkout: {
    quote(
      program: ProgramContext,
      input: {
        member: string
        items: OrderItem[]
        shipping_fee?: number
        coupon_codes?: string[]
        points_to_redeem?: number
        channel?: string
      },
    ): Promise<{ total: number; points_redeemed: number; coupons_refused: unknown[] }>
  }
  /** A job run now (the campaigns'), and the wait for those started in the background. */
  jobs: {
    runNow(programId: string, name: string, asOf?: Date): Promise<{ processed: number }>
    settle(): Promise<void>
  }
}
