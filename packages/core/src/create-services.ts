import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { createAdvisorsService } from './advisors/advisors.service.js'
import { createApiKeysService } from './api-keys/api-keys.service.js'
import { createAppointmentsService } from './appointments/appointments.service.js'
import { createBenefitsService } from './benefits/benefits.service.js'
import { createCampaignsService } from './campaigns/campaigns.service.js'
import { createCouponRedemptions } from './coupons/coupon-redemptions.service.js'
import { createCouponsService } from './coupons/coupons.service.js'
import { createDataExportService } from './data-export/data-export.service.js'
import { analyzeImportedTables } from './data-import/data-import.repository.js'
import { createDataImportService } from './data-import/data-import.service.js'
import { createImportsService } from './data-import/imports.service.js'
import { createDemoService } from './demo/demo.service.js'
import { createEventsService } from './events/events.service.js'
import { createExclusiveEventsService } from './exclusive-events/exclusive-events.service.js'
import { housekeepingJob } from './housekeeping/housekeeping.job.js'
import { createJobsService } from './jobs/jobs.service.js'
import { createMembersService } from './members/members.service.js'
import { createCheckoutService } from './orders/checkout.service.js'
import { OrderSnapshotCache } from './orders/order-snapshot.cache.js'
import { createOrdersService } from './orders/orders.service.js'
import { createPlatformService } from './platform/platform.service.js'
import { createLedgerCheckService } from './points/ledger-check.service.js'
import { createPointsService } from './points/points.service.js'
import { createPortalSessionsService } from './portal/portal-sessions.service.js'
import { createProgramsService } from './programs/programs.service.js'
import { createReleasesService } from './releases/releases.service.js'
import { createRewardsService } from './rewards/rewards.service.js'
import { createRulesService } from './rules/rules.service.js'
import { createSegmentsService } from './segments/segments.service.js'
import type { Clock } from './shared/clock.js'
import { createTiersService } from './tiers/tiers.service.js'
import { createWebhooksService } from './webhooks/webhooks.service.js'

/** Wires every service from one database and one clock. Plain functions; no DI container. */
export function createServices(db: Kysely<DB>, clock: Clock) {
  const platform = createPlatformService(db)
  const programs = createProgramsService(db, clock)
  const apiKeys = createApiKeysService(db, clock)
  const members = createMembersService(db, clock)
  const portalSessions = createPortalSessionsService(db, clock)
  const jobs = createJobsService(db, clock)
  const points = createPointsService(db, clock)
  const rules = createRulesService(db, clock)
  const couponRedemptions = createCouponRedemptions()
  const benefits = createBenefitsService(db, clock)
  const releases = createReleasesService(db, clock)
  // What this process last knew of the members it took orders (and quotes) for.
  const kept = new OrderSnapshotCache()
  const orders = createOrdersService(db, clock, {
    rules,
    coupons: couponRedemptions,
    benefits,
    releases,
    kept,
    reloadProgram: programs.get,
    onProgramChanged: apiKeys.refreshProgram,
    onKeyRevoked: apiKeys.forgetKey,
  })
  const checkout = createCheckoutService(db, clock, {
    rules,
    coupons: couponRedemptions,
    benefits,
    releases,
    kept,
    reloadProgram: programs.get,
    onProgramChanged: apiKeys.refreshProgram,
    onKeyRevoked: apiKeys.forgetKey,
  })
  const events = createEventsService(db, clock, { rules })
  const tiers = createTiersService(db, clock, { startJob: jobs.start })
  const coupons = createCouponsService(db, clock, { startJob: jobs.start })
  jobs.register(housekeepingJob(db, clock))
  jobs.register(tiers.job())
  for (const job of points.jobs()) jobs.register(job)
  jobs.register(coupons.job())
  const campaigns = createCampaignsService(db, clock)
  jobs.register(campaigns.job())
  const dataImport = createDataImportService({
    members,
    orders,
    analyze: () => analyzeImportedTables(db),
  })
  const segments = createSegmentsService(db, clock)
  const appointments = createAppointmentsService(db, clock, { benefits })
  const exclusiveEvents = createExclusiveEventsService(db, clock)
  const advisors = createAdvisorsService(db, clock)
  const rewards = createRewardsService(db, clock)
  const demo = createDemoService(db, clock, {
    programs,
    apiKeys,
    members,
    rules,
    benefits,
    orders,
    events,
    tiers,
    checkout,
    coupons,
    campaigns,
    segments,
    advisors,
    appointments,
    exclusiveEvents,
    releases,
    rewards,
    jobs,
  })
  return {
    db,
    clock,
    platform,
    programs,
    apiKeys,
    members,
    points,
    ledgerCheck: createLedgerCheckService(db),
    rules,
    segments,
    tiers,
    coupons,
    benefits,
    campaigns,
    appointments,
    exclusiveEvents,
    releases,
    advisors,
    rewards,
    orders,
    checkout,
    events,
    portalSessions,
    webhooks: createWebhooksService(db, clock),
    dataExport: createDataExportService(db),
    dataImport,
    imports: createImportsService(db, clock, { dataImport }),
    jobs,
    demo,
  }
}

export type Services = ReturnType<typeof createServices>
