/**
 * Generated from the server's OpenAPI document by packages/client/scripts/api-types.js:
 * do not edit. Regenerate with `npm run api:generate`; `npm test` fails when it is stale.
 */

export interface paths {
  '/healthz': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The process is up */
    get: operations['healthz']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/readyz': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The database is reachable */
    get: operations['readyz']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/programs': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List programs */
    get: operations['listPrograms']
    put?: never
    /** Create a program */
    post: operations['createProgram']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/programs/{id}/api-keys': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List a program’s API keys
     * @description Live keys, oldest first, with their prefix; never the key itself.
     */
    get: operations['listProgramApiKeys']
    put?: never
    /**
     * Create an API key for a program
     * @description The response holds the key, shown this once: only its hash is stored. For that reason this call ignores `Idempotency-Key`; a retried call makes a second key, which can be revoked.
     */
    post: operations['createProgramApiKey']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/programs/{id}/api-keys/{key_id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Revoke an API key at once */
    delete: operations['revokeProgramApiKey']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/api-keys': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List this program’s API keys
     * @description Live keys, oldest first, with their prefix; never the key itself.
     */
    get: operations['listApiKeys']
    put?: never
    /**
     * Create an API key for this program
     * @description The response holds the key, shown this once: only its hash is stored. For that reason this call ignores `Idempotency-Key`; a retried call makes a second key, which can be revoked.
     */
    post: operations['createApiKey']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/api-keys/{key_id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Revoke one of this program’s API keys */
    delete: operations['revokeApiKey']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/program': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The calling key’s program */
    get: operations['getProgram']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Update the program; points_policy is merged field by field */
    patch: operations['updateProgram']
    trace?: never
  }
  '/v1/members': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List and search members, newest first */
    get: operations['listMembers']
    put?: never
    /** Create a member */
    post: operations['createMember']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/members/{member}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a member by id or external_id */
    get: operations['getMember']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Update a member; attributes are merged key by key */
    patch: operations['updateMember']
    trace?: never
  }
  '/v1/members/{member}/portal-sessions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** A short-lived link that opens the member portal as this member */
    post: operations['createPortalSession']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/members/{member}/points': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The member’s balance, what expires when, and lifetime totals */
    get: operations['getMemberPoints']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/members/{member}/points/transactions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The member’s ledger, newest first */
    get: operations['listMemberPointTransactions']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/members/{member}/points/explain': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The lots behind the balance, oldest first, each with its source and rule */
    get: operations['explainMemberPoints']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/members/{member}/points/adjustments': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Add or take away points by hand, with a reason (admin keys; audited) */
    post: operations['adjustMemberPoints']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/members/{member}/points/redemptions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Spend available points, oldest first */
    post: operations['redeemMemberPoints']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/orders': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Record a completed order; earns by the rules at once
     * @description Idempotent by the order `id`: a replay with the same body returns the first response, another body is 409.
     */
    post: operations['createOrder']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/orders/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** An order with what it earned and its refunds */
    get: operations['getOrder']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/orders/{id}/refunds': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Refund part or all of an order; points and growth are reversed in proportion
     * @description Idempotent by the refund `id`.
     */
    post: operations['createRefund']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/events': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Record a behaviour event (review, share, check-in, custom…); earns by the rules
     * @description Idempotent by the event `id`.
     */
    post: operations['createEvent']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/events/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** An event and what it earned */
    get: operations['getEvent']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/checkout/quote': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** What a basket costs after coupons and points, and what it earns; no side effects */
    post: operations['quoteCheckout']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/earning-rules': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List earning rules, newest first (deleted ones are left out) */
    get: operations['listEarningRules']
    put?: never
    /** Create an earning rule */
    post: operations['createEarningRule']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/earning-rules/preview': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** What an order or event would earn by a rule, limits included; no side effects */
    post: operations['previewEarningRule']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/earning-rules/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get an earning rule */
    get: operations['getEarningRule']
    put?: never
    post?: never
    /** Delete an earning rule; it stops paying at once */
    delete: operations['deleteEarningRule']
    options?: never
    head?: never
    /** Change an earning rule (`active: false` pauses it) */
    patch: operations['updateEarningRule']
    trace?: never
  }
  '/v1/tiers': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The program’s tier ladder */
    get: operations['getTiers']
    /**
     * Set the tier ladder; every member is re-evaluated in the background
     * @description The first threshold is 0 and thresholds rise strictly. The re-evaluation is a `tier-evaluation` job run whose progress shows at `GET /v1/jobs/runs`.
     */
    put: operations['putTiers']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/tiers/distribution': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** How many members each tier has */
    get: operations['getTierDistribution']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/members/{member}/tier': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The member’s tier, progress to the next, what keeps it, and its history */
    get: operations['getMemberTier']
    /** Set the member’s tier by hand, optionally until a date (audited) */
    put: operations['overrideMemberTier']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/coupon-templates': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List coupon templates, newest first */
    get: operations['listCouponTemplates']
    put?: never
    /**
     * Create a coupon template
     * @description What its coupons take off, on what, for how long, and how many may exist. `Idempotency-Key` accepted.
     */
    post: operations['createCouponTemplate']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/coupon-templates/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a coupon template */
    get: operations['getCouponTemplate']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /**
     * Rename a coupon template, or switch it off or on
     * @description An inactive template issues no coupons and no bulk codes, and its unassigned codes cannot be claimed (`422 coupon_invalid`); coupons already issued keep their terms.
     */
    patch: operations['updateCouponTemplate']
    trace?: never
  }
  '/v1/coupon-templates/{id}/codes': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List a template’s coupons and codes, or export them all as CSV
     * @description In the order they were made. `format=csv` sends every one (of the `status` given) as `text/csv`, header `code,status,member,issued_at,expires_at`.
     */
    get: operations['listCouponCodes']
    put?: never
    /**
     * Generate unassigned codes in the background
     * @description Counts them against `total_limit` at once (`422 limit_reached` when fewer are left), then makes them in a `coupon-codes` job run whose progress `GET /v1/job-runs/{id}` shows. `Idempotency-Key` accepted.
     */
    post: operations['generateCouponCodes']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/coupons': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Find a coupon by its code, in any state
     * @description For operators: `{ data: [coupon] }`, or `{ data: [] }` for an unknown code. Only program keys reach it; a member’s claim never tells a used code from an unknown one.
     */
    get: operations['findCouponByCode']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/members/{member}/coupons': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * A member’s coupons, the latest issued first
     * @description `status=expired`: active coupons whose `expires_at` has passed (shown as `expired`); `active`: those that have not; without `status`: all.
     */
    get: operations['listMemberCoupons']
    put?: never
    /**
     * Issue a coupon to a member, or let the member claim a bulk code
     * @description `{ template }` issues a new coupon of it; `{ code }` claims an unassigned bulk code. Past `per_member_limit` or `total_limit`: `422 limit_reached`. A code that cannot be claimed — unknown, claimed, redeemed, of an inactive template — is `422 coupon_invalid`, always with the same detail. `Idempotency-Key` accepted.
     */
    post: operations['issueCoupon']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/segments': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List segments, newest first */
    get: operations['listSegments']
    put?: never
    /**
     * Create a segment
     * @description A name and a JsonLogic condition over member fields, checked as earning rules’ conditions are and then for what a segment can count (`400` with the path of each problem). `Idempotency-Key` accepted.
     */
    post: operations['createSegment']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/segments/preview': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Count a condition’s members now, with a sample, without saving it */
    post: operations['previewSegment']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/segments/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a segment with the count of its members now */
    get: operations['getSegment']
    put?: never
    post?: never
    /** Delete a segment */
    delete: operations['deleteSegment']
    options?: never
    head?: never
    /** Rename a segment or change its condition */
    patch: operations['updateSegment']
    trace?: never
  }
  '/v1/segments/{id}/members': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List the members matching a segment now, by id, with their count
     * @description A page and its `count` are read from one snapshot; pages follow member ids, so a walk through every page meets each matching member once while nothing changes.
     */
    get: operations['listSegmentMembers']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/campaigns': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List campaigns, newest first */
    get: operations['listCampaigns']
    put?: never
    /**
     * Create a campaign
     * @description A trigger, a reward (a coupon template or points), an optional budget and holdout group. The `campaigns` job finds the trigger’s members and rewards them (docs/campaigns.md). `Idempotency-Key` accepted.
     */
    post: operations['createCampaign']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/campaigns/preview': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** How many members a trigger reaches: now, or over the last or next 30 days */
    post: operations['previewCampaignAudience']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/campaigns/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a campaign with the budget it has used */
    get: operations['getCampaign']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Rename, switch off or on, end, or change the budget of a campaign */
    patch: operations['updateCampaign']
    trace?: never
  }
  '/v1/campaigns/{id}/report': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * What a campaign gave, cost and earned, treated against holdout
     * @description Revenue per treated and per holdout member in the `window_days` after each was assigned, the uplift with its 95 % confidence interval (Welch), and a verdict.
     */
    get: operations['getCampaignReport']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/benefits': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List the program’s benefits, by key */
    get: operations['listBenefits']
    put?: never
    /**
     * Promise a benefit to the members of some tiers
     * @description Tiers are keys of the ladder (`400` otherwise); `quota` limits the uses per week, month or year in the program’s time zone. A live key twice → `409 benefit_exists`. `Idempotency-Key` accepted.
     */
    post: operations['createBenefit']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/benefits/{key}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a benefit by its key (or id) */
    get: operations['getBenefit']
    put?: never
    post?: never
    /** Delete a benefit (its uses stay on record) */
    delete: operations['deleteBenefit']
    options?: never
    head?: never
    /**
     * Change a benefit’s name, tiers, quota, config or switch
     * @description Its key and type stay. Orders and quotes use the change at once.
     */
    patch: operations['updateBenefit']
    trace?: never
  }
  '/v1/benefits/{key}/audit': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Delivery audit: who was entitled to a benefit in a period, and who used it
     * @description The period is the benefit’s quota period holding `period_start` (a month for a benefit without quota), in the program’s time zone. `entitled`: members who held one of its tiers at some moment of the period (tier history); `used`: those with a use kept; `uses` and `returned`: uses recorded, and of them given back; `unused`: entitled members without a kept use (listed by `…/audit/unused-members`).
     */
    get: operations['auditBenefit']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/benefits/{key}/audit/unused-members': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The entitled members who have not used the benefit in the period
     * @description By member id. `format=csv` sends them all as `text/csv` (`id,external_id,name,phone,email,tier`), for a reminder.
     */
    get: operations['listBenefitUnusedMembers']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/members/{member}/benefits': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The benefits of the member’s tier, with what is left of each this period
     * @description api.md: an array of `{ key, name, type, quota: { count, used, remaining, resets_at } | null }` (with `config`).
     */
    get: operations['listMemberBenefits']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/members/{member}/benefits/{key}/uses': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Record a use of one of the member’s benefits
     * @description Counted against the quota of the period at once, never past it under concurrency: `403 tier_required` when the member’s tier lacks the benefit, `422 quota_exhausted` when none is left. Free shipping and tier discounts are used by quotes and orders themselves. `Idempotency-Key` accepted.
     */
    post: operations['useMemberBenefit']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/members/{member}/benefit-uses': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The member’s uses of its benefits, newest first */
    get: operations['listMemberBenefitUses']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/appointment-slots': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List slots by start time
     * @description Slots starting in `[from, to)`, of one `service` if given, earliest first.
     */
    get: operations['listAppointmentSlots']
    put?: never
    /**
     * Open a slot for appointments
     * @description A service at a time with a number of places, open to every tier or to the `tiers` given. `Idempotency-Key` accepted.
     */
    post: operations['createAppointmentSlot']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/appointment-slots/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a slot */
    get: operations['getAppointmentSlot']
    put?: never
    post?: never
    /**
     * Delete a slot and cancel its bookings
     * @description Each live booking is cancelled (`cancelled_by: staff`) with an `appointment.cancelled` event; the slot leaves every list.
     */
    delete: operations['deleteAppointmentSlot']
    options?: never
    head?: never
    /**
     * Change a slot
     * @description A `capacity` below the places booked is `400`; bookings already made stay whatever the change of `tiers` or times.
     */
    patch: operations['updateAppointmentSlot']
    trace?: never
  }
  '/v1/appointment-slots/{id}/bookings': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A slot’s bookings, with who booked, in booking order */
    get: operations['listSlotBookings']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/members/{member}/appointments': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A member’s bookings, the latest first */
    get: operations['listMemberAppointments']
    put?: never
    /**
     * Book a place in a slot for a member
     * @description `403 tier_required`: the slot has `tiers` and the member’s tier is not among them; `409 already_booked`: the member holds a booking of the slot; `409 slot_full`: no place left; `422 slot_closed`: the slot has started; an unknown slot is `400`. `Idempotency-Key` accepted.
     */
    post: operations['bookAppointment']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/members/{member}/appointments/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /**
     * Cancel a booking and free its place
     * @description Idempotent: a booking cancelled already is answered as it is, and its place is freed once. `422 slot_closed` once the slot has started.
     */
    delete: operations['cancelAppointment']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/exclusive-events': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List exclusive events by start time */
    get: operations['listExclusiveEvents']
    put?: never
    /**
     * Create an exclusive event and invite every eligible member
     * @description Every active member whose tier is in `tiers` is invited at once (one `event.invited` domain event each); a member who reaches one of them later may answer and is invited then. `Idempotency-Key` accepted.
     */
    post: operations['createExclusiveEvent']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/exclusive-events/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get an exclusive event with its counts */
    get: operations['getExclusiveEvent']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/exclusive-events/{id}/invitations': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * An event’s invitations, with who each member is
     * @description `rsvp=yes`: the attendee list; `no`: declined; `pending`: no answer yet.
     */
    get: operations['listEventInvitations']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/members/{member}/exclusive-events/{id}/rsvp': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Answer an invitation: attending or not
     * @description Answers `201` with the invitation. A yes takes a place (`409 slot_full` when none is left); a no after a yes gives it back; the same answer again changes nothing. `403 tier_required`: the member was not invited and its tier is not one of the event’s; `422 slot_closed`: the event has started. `Idempotency-Key` accepted.
     */
    post: operations['rsvpExclusiveEvent']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/members/{member}/exclusive-events': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A member’s invitations with their events, the latest event first */
    get: operations['listMemberInvitations']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/portal/me': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The session’s member and program, for the member card */
    get: operations['getPortalMe']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/portal/points': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The session member’s balance, pending points and what expires when */
    get: operations['getPortalPoints']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/portal/points/transactions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The session member’s points history, newest first */
    get: operations['listPortalPointTransactions']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/portal/tier': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The session member’s tier, progress to the next and what keeps it */
    get: operations['getPortalTier']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/portal/coupons': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The session member’s coupons with what each does, the latest issued first
     * @description `status=active`: usable now or later; `redeemed`: used; `expired`: past `expires_at`.
     */
    get: operations['listPortalCoupons']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/portal/appointment-slots': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Slots not started yet, with whether the member’s tier may book each */
    get: operations['listPortalAppointmentSlots']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/portal/appointments': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The member’s bookings, the latest first */
    get: operations['listPortalAppointments']
    put?: never
    /**
     * Book a place in a slot
     * @description As `POST /v1/members/{member}/appointments`, for the session’s member (`booked_by: member`).
     */
    post: operations['bookPortalAppointment']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/portal/appointments/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Cancel one of the member’s bookings */
    delete: operations['cancelPortalAppointment']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/portal/exclusive-events': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The member’s invitations, and the coming events its tier may answer */
    get: operations['listPortalExclusiveEvents']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/portal/exclusive-events/{id}/rsvp': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Answer an invitation
     * @description As `POST /v1/members/{member}/exclusive-events/{id}/rsvp`.
     */
    post: operations['rsvpPortalExclusiveEvent']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/releases': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List releases, newest first */
    get: operations['listReleases']
    put?: never
    /**
     * Create a release: a SKU on sale to everyone at public_at, earlier to some tiers
     * @description One live release per SKU: another for the same SKU is `409 release_exists` (change it with PATCH, or delete it first). A tier not in the ladder is `400`. Quotes and orders of the SKU before the member’s time are refused with `403 early_access_only`. `Idempotency-Key` accepted.
     */
    post: operations['createRelease']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/releases/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a release */
    get: operations['getRelease']
    put?: never
    post?: never
    /** Delete a release: its SKU is on sale to everyone at once */
    delete: operations['deleteRelease']
    options?: never
    head?: never
    /** Change a release; in force for the next quote or order */
    patch: operations['updateRelease']
    trace?: never
  }
  '/v1/members/{member}/releases/{sku}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * May the member buy the SKU now, and from when?
     * @description `opens_at` is `public_at` less the largest head start the release gives the member’s tier. A SKU with no release is on sale to everyone: `{ allowed: true, opens_at: null }`.
     */
    get: operations['getMemberReleaseAccess']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/advisors': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List advisors with their load, oldest first */
    get: operations['listAdvisors']
    put?: never
    /**
     * Add a dedicated advisor
     * @description Members of a tier with a `dedicated_service` benefit who wait for an advisor get this one at once, while it has room. `Idempotency-Key` accepted.
     */
    post: operations['createAdvisor']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/advisors/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get an advisor */
    get: operations['getAdvisor']
    put?: never
    post?: never
    /**
     * Remove an advisor; its members go to the others with room
     * @description Its members are given to the least-loaded advisors with room, those waiting longest first; members left without room wait for one.
     */
    delete: operations['deleteAdvisor']
    options?: never
    head?: never
    /**
     * Change an advisor’s name, contact, capacity, or switch it off or on
     * @description More capacity (or switching on) gives the waiting members an advisor at once. Less capacity than its load, or switching off, keeps the members it has and takes no more.
     */
    patch: operations['updateAdvisor']
    trace?: never
  }
  '/v1/advisors/{id}/members': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The members an advisor serves */
    get: operations['listAdvisorMembers']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/members/{member}/advisor': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The member’s dedicated advisor
     * @description `404` when the member has none.
     */
    get: operations['getMemberAdvisor']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/portal/advisor': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The member’s dedicated advisor, or null */
    get: operations['getPortalAdvisor']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/portal/releases': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Releases not yet public, soonest first, with when each opens to the member */
    get: operations['listPortalReleases']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/portal/releases/{sku}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** May the member buy the SKU now, and from when? */
    get: operations['getPortalReleaseAccess']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/portal/benefits': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The benefits of the session member’s tier, with what is left of each this period
     * @description The array of `GET /v1/members/{member}/benefits`: each benefit with its quota (`count`, `used`, `remaining`, `resets_at` in the program’s time zone, and the quota’s `period`, `week`, `month` or `year`) or `null`.
     */
    get: operations['listPortalBenefits']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/rewards': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List the catalog, newest first
     * @description `member`: each reward carries its `eligibility` for that member.
     */
    get: operations['listRewards']
    put?: never
    /**
     * Add a reward to the catalog
     * @description A `coupon` reward names a `coupon_template` of the program (else `400`). `stock` left out or null: unlimited. `Idempotency-Key` accepted.
     */
    post: operations['createReward']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/rewards/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a reward */
    get: operations['getReward']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /**
     * Change a reward’s name, costs, stock, tiers, limit, or switch it off or on
     * @description A new `stock` is the whole allotment: `stock_remaining` becomes it less the units redeemed (not cancelled), never below 0. Redemptions made keep what they paid.
     */
    patch: operations['updateReward']
    trace?: never
  }
  '/v1/members/{member}/reward-redemptions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A member’s reward redemptions, newest first */
    get: operations['listMemberRewardRedemptions']
    put?: never
    /**
     * Redeem a reward for a member with points
     * @description In one transaction: the points debited (a `redeem` ledger entry whose source is the redemption), a coupon reward’s coupons issued (then `fulfilled` at once; else `pending`), the stock taken. `422 insufficient_points` (the member’s available points fall short), `409 out_of_stock`, `403 tier_required` (the reward names tiers and the member is in none of them), `422 limit_reached` (past `per_member_limit`, counting units of redemptions not cancelled), `422 reward_unavailable` (the reward is switched off), `404` for an unknown reward. `Idempotency-Key` accepted.
     */
    post: operations['redeemReward']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/reward-redemptions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The program’s reward redemptions (the fulfilment queue)
     * @description `status=pending&order=asc`: the queue of redemptions to fulfil, oldest first.
     */
    get: operations['listRewardRedemptions']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/reward-redemptions/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a reward redemption */
    get: operations['getRewardRedemption']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/reward-redemptions/{id}/fulfill': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Mark a pending redemption fulfilled
     * @description A redemption that is not pending (fulfilled or cancelled already) is `409 redemption_not_pending`. `Idempotency-Key` accepted.
     */
    post: operations['fulfillRewardRedemption']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/reward-redemptions/{id}/cancel': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Cancel a pending redemption: its points and stock go back
     * @description The points return to the member (a `redeem` ledger entry with positive points, source `reward_cancellation`) and the units to the reward’s stock, once: a redemption that is not pending (fulfilled, or cancelled already) is `409 redemption_not_pending`. `Idempotency-Key` accepted.
     */
    post: operations['cancelRewardRedemption']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/portal/rewards': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The rewards mall: active rewards, each with its state for the session member
     * @description Each reward carries `eligibility`: `available`, `insufficient_points`, `tier_required`, `limit_reached` or `out_of_stock`.
     */
    get: operations['listPortalRewards']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/portal/reward-redemptions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The session member’s reward redemptions, newest first */
    get: operations['listPortalRewardRedemptions']
    put?: never
    /**
     * Redeem a reward with the session member’s points
     * @description As `POST /v1/members/{member}/reward-redemptions` for the session’s member. `Idempotency-Key` accepted (scoped to the member).
     */
    post: operations['redeemPortalReward']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/jobs': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The registered jobs and their schedules (in the program’s time zone) */
    get: operations['listJobs']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/jobs/runs': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Recent job runs, newest first */
    get: operations['listJobRuns']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/job-runs/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One job run: its progress while it works, its outcome once done */
    get: operations['getJobRun']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/jobs/{name}/run': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Run a job for this program now, as of a time (default now) */
    post: operations['runJob']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/webhooks': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List webhooks, oldest first */
    get: operations['listWebhooks']
    put?: never
    /**
     * Subscribe an endpoint to domain events
     * @description Every event of the listed types recorded from now on is posted to `url`, signed (`Loyalbase-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`), and retried with backoff until a `2xx` answers (first retry within 10 seconds). The `secret` is shown only in this answer (and when rolled). `Idempotency-Key` accepted.
     */
    post: operations['createWebhook']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/webhooks/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a webhook with its deliveries counted by status */
    get: operations['getWebhook']
    put?: never
    post?: never
    /** Delete a webhook with its deliveries */
    delete: operations['deleteWebhook']
    options?: never
    head?: never
    /**
     * Change a webhook’s URL, events or description, or switch it off or on
     * @description Deliveries already made keep going to the webhook (to its new URL); an inactive webhook is sent no new events.
     */
    patch: operations['updateWebhook']
    trace?: never
  }
  '/v1/webhooks/{id}/secret': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Roll the webhook’s secret
     * @description Deliveries from now on are signed with the new secret, shown once here.
     */
    post: operations['rollWebhookSecret']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/webhooks/{id}/deliveries': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The webhook’s delivery log, newest first
     * @description One delivery per event: its status, the attempts made, the last answer’s status code or error, and when it is tried next.
     */
    get: operations['listWebhookDeliveries']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/webhooks/{id}/deliveries/{delivery}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A delivery with its payload and every attempt */
    get: operations['getWebhookDelivery']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/webhooks/{id}/deliveries/{delivery}/redeliver': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Send a delivery again now
     * @description The same event (same `id`, same body) is sent again at once, whether it was delivered, failed or is still waiting; a failed delivery gets one more attempt.
     */
    post: operations['redeliverWebhookDelivery']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/imports': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Imports, newest first */
    get: operations['listImports']
    put?: never
    /**
     * Upload a CSV file of members or orders and import it in the background
     * @description The body is the file itself (`Content-Type: text/csv`, UTF-8, a header line first, at most 200 MB), imported with the same effects as the API, as `npx loyalbase import` does. Answers at once with the running import; `GET /v1/imports/{id}` follows it and `GET /v1/imports/{id}/rejects` lists the records refused, with their line and reason. Importing the same file again changes nothing.
     */
    post: operations['startImport']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/imports/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** An import’s progress and counts */
    get: operations['getImport']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/imports/{id}/rejects': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The records an import refused, with line and reason
     * @description The first `limit` (JSON), or `format=csv` for every one as `text/csv` (`line,error,record`).
     */
    get: operations['listImportRejects']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
}
export interface webhooks {
  'member.created': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** member.created: A member joined the program. */
    post: operations['webhook_member_created']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'points.earned': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** points.earned: An order or a behaviour event paid points, by the rules named, or a campaign rewarded points. */
    post: operations['webhook_points_earned']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'points.redeemed': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** points.redeemed: The member spent points. */
    post: operations['webhook_points_redeemed']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'points.adjusted': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** points.adjusted: An operator added (positive) or took away (negative) points. */
    post: operations['webhook_points_adjusted']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'points.expired': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** points.expired: Points reached their expiry and left the balance. */
    post: operations['webhook_points_expired']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'points.reversed': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** points.reversed: A refund took back points its order paid. */
    post: operations['webhook_points_reversed']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'points.returned': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** points.returned: A refund gave back points the member had paid its order with. */
    post: operations['webhook_points_returned']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'tier.changed': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** tier.changed: The member moved to another tier, up or down. */
    post: operations['webhook_tier_changed']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'tier.upgraded': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** tier.upgraded: The member moved to a higher tier (also a `tier.changed`). */
    post: operations['webhook_tier_upgraded']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'coupon.issued': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** coupon.issued: A coupon was issued to the member from a template (by the API, a campaign or a coupon reward), or the member claimed a bulk code. */
    post: operations['webhook_coupon_issued']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'reward.redeemed': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** reward.redeemed: The member redeemed a reward of the catalog with points. */
    post: operations['webhook_reward_redeemed']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'reward.redemption_fulfilled': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** reward.redemption_fulfilled: An operator fulfilled a pending reward redemption. */
    post: operations['webhook_reward_redemption_fulfilled']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'reward.redemption_cancelled': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** reward.redemption_cancelled: A pending reward redemption was cancelled: its points and stock went back (`transaction` gave the points back). */
    post: operations['webhook_reward_redemption_cancelled']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'benefit.used': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** benefit.used: The member used benefits of its tier: one event for an order (every benefit it used), a booking or a use by hand. */
    post: operations['webhook_benefit_used']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'benefit.returned': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** benefit.returned: A use of a benefit was given back (its order was fully refunded). */
    post: operations['webhook_benefit_returned']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'appointment.booked': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** appointment.booked: The member booked a place in an appointment slot (in the portal or by staff). */
    post: operations['webhook_appointment_booked']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'appointment.cancelled': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** appointment.cancelled: A booking was cancelled and its place freed: by the member, by staff, or with its slot. */
    post: operations['webhook_appointment_cancelled']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'event.invited': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** event.invited: The member was invited to an exclusive event: at its creation, or on answering after reaching an eligible tier. */
    post: operations['webhook_event_invited']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'event.responded': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** event.responded: The member answered an exclusive event’s invitation, or changed the answer. */
    post: operations['webhook_event_responded']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'advisor.assigned': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** advisor.assigned: The member was given a dedicated advisor: on reaching a tier with dedicated service, or when an advisor with room appeared (recorded by the database, 0022_releases_advisors.sql). */
    post: operations['webhook_advisor_assigned']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'advisor.released': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** advisor.released: The member no longer has this advisor: it left the tier, or the advisor was removed. */
    post: operations['webhook_advisor_released']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
}
export interface components {
  schemas: {
    /** @description An RFC 9457 problem document */
    Problem: {
      /**
       * Format: uri
       * @description `urn:loyalbase:error:<code>`
       */
      type: string
      title: string
      status: number
      /** @description A stable error code, e.g. `member_exists` */
      code: string
      detail: string
      errors?: {
        /** @description The field, as `items[0].sku` */
        path: string
        message: string
      }[]
    }
    PointsPolicy: {
      /** @description `none`; `rolling`: points expire `months` after they are earned; `annual`: at the end of (earn year + `years_after`). */
      expiry:
        | {
            /** @enum {string} */
            type: 'none'
          }
        | {
            /** @enum {string} */
            type: 'rolling'
            months: number
          }
        | {
            /** @enum {string} */
            type: 'annual'
            years_after: number
          }
      pending_days: number
      /** @description Points worth one major currency unit at checkout */
      redeem_rate: number
      max_redeem_percent: number
      allow_negative: boolean
    }
    Program: {
      id: string
      name: string
      currency: string
      timezone: string
      locale: string
      points_policy: components['schemas']['PointsPolicy']
      /** @description Webhooks may post to link-local and cloud-metadata addresses (169.254.0.0/16, fe80::/10, …); off by default, for SSRF safety */
      webhook_private_targets: boolean
      /** Format: date-time */
      created_at: string
    }
    ApiKey: {
      id: string
      name: string
      role: 'admin' | 'server' | 'readonly'
      prefix: string
      /** Format: date-time */
      created_at: string
      last_used_at: string | null
    }
    Member: {
      id: string
      external_id: string
      name: string | null
      phone: string | null
      email: string | null
      birthday: string | null
      status: string
      /** Format: date-time */
      joined_at: string
      /** @description Free-form; at most 16 KB as JSON and 8 levels deep */
      attributes: {
        [key: string]: unknown
      }
      referral_code: string
      tier: {
        key: string
        name: string
        /** Format: date-time */
        since: string
      }
      points: {
        available: number
        pending: number
      }
      growth: number
      lifetime_spend: number
      orders_count: number
    }
    TierLadder: {
      metric: 'spend' | 'points_earned' | 'growth' | 'orders'
      window:
        | {
            /** @enum {string} */
            type: 'lifetime'
          }
        | {
            /** @enum {string} */
            type: 'rolling'
            months: number
          }
        | {
            /** @enum {string} */
            type: 'calendar_year'
          }
      downgrade:
        | {
            /** @enum {string} */
            type: 'never'
          }
        | {
            /** @enum {string} */
            type: 'period_end'
            grace_days?: number
            steps?: number
            /** @description How often members are reviewed; default year (calendar years, lifetime) or month (rolling) */
            period?: 'month' | 'quarter' | 'year'
          }
      tiers: {
        /** @description Stable key, e.g. gold */
        key: string
        /** @description Display name, e.g. 金卡 */
        name: string
        /** @description Metric needed; the first tier is 0 */
        threshold: number
        name_en?: string
        /** @description Card colour */
        color?: string
      }[]
    }
    JobRun: {
      id: string
      name: string
      trigger: 'schedule' | 'manual'
      /** Format: date-time */
      as_of: string
      /** Format: date-time */
      started_at: string
      finished_at: string | null
      /** @description What the run changed (points moved, members re-tiered…), once done */
      processed: number | null
      /** @description Items examined so far, for long runs that report it */
      progress: number | null
      error: string | null
    }
    PointTransaction: {
      id: string
      type: 'earn' | 'release' | 'redeem' | 'expire' | 'reverse' | 'adjust'
      /** @description Signed: positive adds, negative takes away */
      points: number
      /** @description Available points after this entry */
      balance_after: number
      source: {
        kind: string
        id: string
      }
      rule_id?: string
      /** Format: date-time */
      expires_at?: string
      note?: string
      /** Format: date-time */
      created_at: string
    }
    Order: {
      id: string
      member: string
      amount: number
      shipping_fee: number
      channel: string | null
      items: {
        sku: string
        name?: string
        category?: string
        quantity: number
        unit_price: number
      }[]
      /** @description What the order’s coupons and the tier’s benefits (a tier discount, free shipping) took off (docs/checkout.md) */
      discounts: {
        source: 'coupon' | 'tier' | 'benefit'
        /** @description The coupon’s id, or the benefit’s */
        id: string
        /** @description The coupon’s code, or the benefit’s key */
        code: string
        amount: number
      }[]
      /** Format: date-time */
      occurred_at: string
      points_earned: number
      growth_earned: number
      /** @description Points the member paid with */
      points_redeemed: number
      /** @description What those points were worth, minor units */
      points_value: number
      /** @description Redeemed points its refunds gave back */
      points_returned: number
      refunded_amount: number
      points_reversed: number
      growth_reversed: number
      refunds: {
        id: string
        amount: number
        points_reversed: number
        growth_reversed: number
        points_returned: number
        /** Format: date-time */
        created_at: string
      }[]
      /** Format: date-time */
      created_at: string
    }
    EarningRule: {
      /** @description `rule_…` */
      id: string
      name: string
      /** @description `order.completed`, or an event type (`review.posted`, a custom type) */
      trigger: string
      condition: {
        [key: string]: unknown
      } | null
      /** @description `per_amount`: `points` for every whole `per` minor units paid, rounded down; `fixed`: `points` each time the rule matches. */
      reward:
        | {
            /** @enum {string} */
            type: 'per_amount'
            /** @description Points (or growth value), 0 to 10^9 */
            points: number
            /** @description Minor units per step, e.g. 100 = ¥1 */
            per: number
          }
        | {
            /** @enum {string} */
            type: 'fixed'
            /** @description Points (or growth value), 0 to 10^9 */
            points: number
          }
      growth:
        | (
            | {
                /** @enum {string} */
                type: 'per_amount'
                /** @description Points (or growth value), 0 to 10^9 */
                points: number
                /** @description Minor units per step, e.g. 100 = ¥1 */
                per: number
              }
            | {
                /** @enum {string} */
                type: 'fixed'
                /** @description Points (or growth value), 0 to 10^9 */
                points: number
              }
          )
        | null
      /** @description Tier key → multiplier applied to `reward` (not growth), e.g. `{ "gold": 1.5 }` */
      tier_multipliers: {
        [key: string]: number
      }
      /** @description Caps in points (days and months in the program’s time zone). A reached cap makes the rule pay less or nothing; it never fails the order or event. */
      limits: {
        per_member_per_day?: number
        per_member_per_month?: number
        per_member_total?: number
        total_budget?: number
      }
      starts_at: string | null
      ends_at: string | null
      active: boolean
      /** @description Points paid so far against `limits.total_budget` */
      budget_used: number
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
    }
    CouponTemplate: {
      /** @description `cpt_…` */
      id: string
      name: string
      /** @description `percent`: `percent_off` % of the covered items, rounded down, at most `max_amount`; `amount`: `amount_off`, at most what the covered items cost; `free_shipping`: the shipping fee. */
      discount:
        | {
            /** @enum {string} */
            type: 'percent'
            /** @description Percent off the covered items, 1 to 100, at most 4 decimals */
            percent_off: number
            /** @description The most the discount takes off, in minor units */
            max_amount?: number
          }
        | {
            /** @enum {string} */
            type: 'amount'
            /** @description Taken off, in minor units */
            amount_off: number
          }
        | {
            /** @enum {string} */
            type: 'free_shipping'
          }
      min_spend: number | null
      applies_to: {
        categories?: string[]
        skus?: string[]
      } | null
      /** @description `{ days }` counted from each issue, or one window for every coupon */
      validity:
        | {
            /** @description From issue (a bulk code: from its claim) to the end of the program’s local day this many days later */
            days: number
          }
        | {
            /** Format: date-time */
            starts_at: string
            /**
             * Format: date-time
             * @description Exclusive; after starts_at
             */
            ends_at: string
          }
      per_member_limit: number | null
      total_limit: number | null
      /** @description May be used on one order with other coupons */
      stackable: boolean
      /** @description An inactive template issues nothing */
      active: boolean
      /** @description Coupons issued and bulk codes requested so far, against `total_limit` */
      issued: number
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
    }
    Coupon: {
      /** @description `cpn_…` */
      id: string
      /** @description 16 characters of Crockford base32 in groups of four: `XXXX-XXXX-XXXX-XXXX` */
      code: string
      /** @description The template’s id */
      template: string
      member: string | null
      /** @description `expired`: active, and `expires_at` has passed */
      status: 'unassigned' | 'active' | 'redeemed' | 'expired'
      starts_at: string | null
      expires_at: string | null
      issued_at: string | null
      redeemed_at: string | null
      order: string | null
      /** Format: date-time */
      created_at: string
    }
    Segment: {
      /** @description `seg_…` */
      id: string
      name: string
      /** @description JsonLogic over member fields (`tier`, `status`, `points`, `pending_points`, `lifetime_spend`, `orders_count`, `growth`, `days_since_joined`, `days_since_last_order`, `birthday_month`, `unused_benefits` (a list: `{ "in": ["<benefit key>", { "var": "unused_benefits" }] }`), `attributes.<key>`), e.g. `{ ">=": [{ "var": "lifetime_spend" }, 100000] }`; operators and, or, !, ==, !=, ===, !==, <, <=, >, >=, in (docs/segments.md) */
      condition: {
        [key: string]: unknown
      }
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
      /** @description Members matching now: on `GET /v1/segments/{id}`, and in lists with `with_counts=true` */
      count?: number
    }
    Campaign: {
      /** @description `cmp_…` */
      id: string
      name: string
      /** @description What makes a member eligible (docs/campaigns.md) */
      trigger:
        | {
            /** @enum {string} */
            type: 'member_joined'
          }
        | {
            /** @enum {string} */
            type: 'birthday'
            /** @description Reward this many days before the birthday (default 0: on the day) */
            days_before?: number
          }
        | {
            /** @enum {string} */
            type: 'tier_upgraded'
            /** @description Only upgrades to this tier */
            tier?: string
          }
        | {
            /** @enum {string} */
            type: 'inactive'
            /** @description Days without an order (or, without orders, since joining) */
            days: number
          }
        | {
            /** @enum {string} */
            type: 'scheduled'
            /** Format: date-time */
            at: string
            /** @description `seg_…` */
            segment: string
          }
      reward:
        | {
            /** @enum {string} */
            type: 'coupon'
            template: string
          }
        | {
            /** @enum {string} */
            type: 'points'
            points: number
          }
      budget: {
        max_rewards: number | null
        max_cost: number | null
      }
      holdout_percent: number
      /** Format: date-time */
      starts_at: string
      ends_at: string | null
      active: boolean
      /** @description The budget used: rewards given and their cost at issue */
      used: {
        rewards: number
        cost: number
      }
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
    }
    Benefit: {
      /** @description `ben_…` */
      id: string
      key: string
      name: string
      /** @description `free_shipping` and `discount` (config `{ percent_off, max_amount? }`, source `tier`) are applied by quotes and orders; `points_multiplier` (config `{ multiplier }`) multiplies what each earning rule pays an order; the others are used by hand, by bookings and invitations */
      type:
        | 'free_shipping'
        | 'discount'
        | 'points_multiplier'
        | 'early_access'
        | 'event_invitation'
        | 'dedicated_service'
        | 'appointment'
        | 'custom'
      tiers: string[]
      quota: {
        count: number
        /** @description In the program’s time zone; weeks start on Monday */
        period: 'week' | 'month' | 'year'
      } | null
      /** @description By type: discount `{ percent_off, max_amount? }`, points_multiplier `{ multiplier }` */
      config: {
        [key: string]: unknown
      }
      active: boolean
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
    }
    AppointmentSlot: {
      /** @description `slot_…` */
      id: string
      /** @description What is booked, e.g. `personal_styling` or “私人造型” */
      service: string
      /** Format: date-time */
      starts_at: string
      /** Format: date-time */
      ends_at: string
      /** @description Places in the slot */
      capacity: number
      /** @description Live bookings */
      booked: number
      /** @description `capacity − booked` */
      remaining: number
      tiers: string[] | null
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
    }
    Appointment: {
      /** @description `apt_…` */
      id: string
      /** @description The slot’s id */
      slot: string
      /** @description The member’s id */
      member: string
      status: 'booked' | 'cancelled'
      /** @description The slot’s service */
      service: string
      /** Format: date-time */
      starts_at: string
      /** Format: date-time */
      ends_at: string
      /** @description `member`: in the portal; `staff`: with a program key */
      booked_by: 'member' | 'staff'
      /** Format: date-time */
      booked_at: string
      cancelled_by: ('member' | 'staff') | null
      cancelled_at: string | null
    }
    ExclusiveEvent: {
      /** @description `exev_…` */
      id: string
      title: string
      description: string | null
      location: string | null
      /** Format: date-time */
      starts_at: string
      /** @description Places for members who answer yes */
      capacity: number
      /** @description The tier keys invited */
      tiers: string[]
      /** @description Invitations made */
      invited: number
      /** @description Invitations answered yes */
      attending: number
      /** @description `capacity − attending` */
      remaining: number
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
    }
    Invitation: {
      /** @description The event’s id */
      event: string
      /** @description The member’s id */
      member: string
      /** @description The member’s tier when invited */
      tier: string
      /** @description `creation`: invited with the event; `rsvp`: on answering, in an eligible tier */
      via: 'creation' | 'rsvp'
      rsvp: ('yes' | 'no') | null
      /** Format: date-time */
      invited_at: string
      responded_at: string | null
    }
    Release: {
      /** @description `rel_…` */
      id: string
      /** @description The product’s SKU */
      sku: string
      name: string
      /** Format: date-time */
      public_at: string
      /** @description Head starts by tier. A tier listed twice has the larger; a tier not listed has none (list every tier that should have one: a head start is not inherited by higher tiers). */
      early_access: {
        /** @description A tier key of the ladder */
        tier: string
        /** @description The tier’s members may buy this many hours before `public_at` */
        hours_before: number
      }[]
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
    }
    ReleaseAccess: {
      /** @description The product’s SKU */
      sku: string
      /** @description The member may buy the SKU now */
      allowed: boolean
      opens_at: string | null
      public_at: string | null
      /** @description The member’s tier key */
      tier: string
      name: string | null
    }
    Advisor: {
      /** @description `adv_…` */
      id: string
      name: string
      /** @description How members reach the advisor: a phone number, a WeChat id, an email… */
      contact: string
      /** @description The most members the advisor serves */
      capacity: number
      /** @description Members the advisor serves now */
      load: number
      /** @description An inactive advisor takes no new members and keeps those it has */
      active: boolean
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
    }
    AdvisorContact: {
      /** @description `adv_…` */
      id: string
      name: string
      /** @description How members reach the advisor: a phone number, a WeChat id, an email… */
      contact: string
    }
    Reward: {
      /** @description `rwd_…` */
      id: string
      name: string
      description: string | null
      image_url: string | null
      /** @description `product` and `service`: pending until an operator fulfils the redemption; `coupon`: issues a coupon of `coupon_template` and is fulfilled at once */
      type: 'product' | 'coupon' | 'service'
      /** @description Points for one */
      points_cost: number
      /** @description Cash the member also pays for one, in minor units (recorded, not charged) */
      cash_cost: number
      stock: number | null
      stock_remaining: number | null
      /** @description Units redeemed and not cancelled */
      redeemed: number
      /** @description Tier keys whose members may redeem it; empty or left out: every tier */
      tiers: string[]
      per_member_limit: number | null
      coupon_template: string | null
      /** @description An inactive reward cannot be redeemed */
      active: boolean
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
      /** @description What redeeming one would answer for the member now, the first that applies of `inactive`, `tier_required`, `limit_reached`, `out_of_stock`, `insufficient_points`, else `available` */
      eligibility?: {
        status:
          | 'available'
          | 'insufficient_points'
          | 'tier_required'
          | 'out_of_stock'
          | 'limit_reached'
          | 'inactive'
        /** @description The member’s available points */
        points_available: number
        /** @description Points the member lacks for one; 0 if none */
        points_short: number
        /** @description Units of it the member redeemed (not cancelled) */
        redeemed_by_member: number
        limit_remaining: number | null
      }
    }
    RewardRedemption: {
      /** @description `rdm_…` */
      id: string
      /** @description The reward’s id */
      reward: string
      reward_name: string
      /** @description `product` and `service`: pending until an operator fulfils the redemption; `coupon`: issues a coupon of `coupon_template` and is fulfilled at once */
      reward_type: 'product' | 'coupon' | 'service'
      /** @description The member’s id */
      member: string
      quantity: number
      /** @description `pending` until fulfilled or cancelled; a coupon reward is `fulfilled` at once */
      status: 'pending' | 'fulfilled' | 'cancelled'
      /** @description points_cost × quantity */
      points_spent: number
      /** @description cash_cost × quantity, in minor units */
      cash_cost: number
      /** @description The `redeem` ledger entry (`txn_…`) whose source is this redemption */
      transaction: string
      coupon: {
        /** @description `cpn_…` */
        id: string
        /** @description As shown: `XXXX-XXXX-XXXX-XXXX` */
        code: string
      } | null
      /** @description The coupons a coupon reward issued, one per unit (`coupon` is the first) */
      coupons: {
        /** @description `cpn_…` */
        id: string
        /** @description As shown: `XXXX-XXXX-XXXX-XXXX` */
        code: string
      }[]
      note: string | null
      /** Format: date-time */
      created_at: string
      fulfilled_at: string | null
      cancelled_at: string | null
    }
    Webhook: {
      /** @description `whk_…` */
      id: string
      /** @description `http` or `https`, without credentials. Link-local and cloud-metadata addresses are refused unless the program allows private targets (`webhook_private_targets`). */
      url: string
      events: (
        | '*'
        | 'advisor.assigned'
        | 'advisor.released'
        | 'appointment.booked'
        | 'appointment.cancelled'
        | 'benefit.returned'
        | 'benefit.used'
        | 'coupon.issued'
        | 'event.invited'
        | 'event.responded'
        | 'member.created'
        | 'points.adjusted'
        | 'points.earned'
        | 'points.expired'
        | 'points.redeemed'
        | 'points.returned'
        | 'points.reversed'
        | 'reward.redeemed'
        | 'reward.redemption_cancelled'
        | 'reward.redemption_fulfilled'
        | 'tier.changed'
        | 'tier.upgraded'
      )[]
      description: string | null
      /** @description An inactive webhook is sent nothing new */
      active: boolean
      /** Format: date-time */
      created_at: string
      /** Format: date-time */
      updated_at: string
    }
    WebhookDelivery: {
      /** @description `dlv_…` */
      id: string
      /** @description `whk_…` */
      webhook: string
      event: {
        /** @description `evt_…`: the same on every attempt, for de-duplication */
        id: string
        type: string
      }
      /** @description `pending` (waiting for its first or next attempt), `delivered` (a `2xx` answer), `failed` (every attempt failed; a redelivery tries once more) */
      status: 'pending' | 'delivered' | 'failed'
      /** @description Attempts made so far */
      attempts: number
      response_code: number | null
      error: string | null
      next_attempt_at: string | null
      last_attempt_at: string | null
      delivered_at: string | null
      /** Format: date-time */
      created_at: string
    }
    Import: {
      /** @description `imp_…` */
      id: string
      /** @description `members` (`external_id,name,phone,email,birthday,joined_at`) or `orders` (`id,member,amount,occurred_at,channel,sku,category,quantity`, optional `unit_price`) */
      kind: 'members' | 'orders'
      file_name: string | null
      status: 'running' | 'done' | 'failed'
      /** @description Share of the file read */
      progress: number
      bytes_total: number
      bytes_read: number
      /** @description Lines read (past the header) */
      records: number
      imported: number
      /** @description Already there: a member that exists, an order imported before */
      unchanged: number
      rejected: number
      /** @description Why a failed import stopped */
      error: string | null
      /** Format: date-time */
      created_at: string
      finished_at: string | null
    }
  }
  responses: never
  parameters: never
  requestBodies: never
  headers: never
  pathItems: never
}
export type $defs = Record<string, never>
export interface operations {
  healthz: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            status: string
          }
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The database is not reachable (`unavailable`) */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  readyz: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            status: string
          }
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The database is not reachable (`unavailable`) */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listPrograms: {
    parameters: {
      query?: {
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Program'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createProgram: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name: string
          /** @default CNY */
          currency?: string
          /** @default Asia/Shanghai */
          timezone?: string
          /** @default zh-CN */
          locale?: string
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Program']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listProgramApiKeys: {
    parameters: {
      query?: {
        limit?: number
        cursor?: string
      }
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['ApiKey'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createProgramApiKey: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name: string
          role: 'admin' | 'server' | 'readonly'
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            id: string
            name: string
            role: 'admin' | 'server' | 'readonly'
            prefix: string
            /** Format: date-time */
            created_at: string
            last_used_at: string | null
            /** @description The secret key; shown once and never again. */
            key: string
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  revokeProgramApiKey: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
        key_id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listApiKeys: {
    parameters: {
      query?: {
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['ApiKey'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createApiKey: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name: string
          role: 'admin' | 'server' | 'readonly'
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            id: string
            name: string
            role: 'admin' | 'server' | 'readonly'
            prefix: string
            /** Format: date-time */
            created_at: string
            last_used_at: string | null
            /** @description The secret key; shown once and never again. */
            key: string
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  revokeApiKey: {
    parameters: {
      query?: never
      header?: never
      path: {
        key_id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getProgram: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Program']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  updateProgram: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name?: string
          timezone?: string
          locale?: string
          points_policy?: {
            /** @description `none`; `rolling`: points expire `months` after they are earned; `annual`: at the end of (earn year + `years_after`). */
            expiry?:
              | {
                  /** @enum {string} */
                  type: 'none'
                }
              | {
                  /** @enum {string} */
                  type: 'rolling'
                  months: number
                }
              | {
                  /** @enum {string} */
                  type: 'annual'
                  years_after: number
                }
            pending_days?: number
            /** @description Points worth one major currency unit at checkout */
            redeem_rate?: number
            max_redeem_percent?: number
            allow_negative?: boolean
          }
          webhook_private_targets?: boolean
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Program']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listMembers: {
    parameters: {
      query?: {
        /** @description Matches external id, name, phone or email */
        query?: string
        tier?: string
        segment?: string
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Member'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createMember: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          external_id: string
          name?: string | null
          phone?: string | null
          email?: string | null
          birthday?: string | null
          /**
           * Format: date-time
           * @description Defaults to now; for imports
           */
          joined_at?: string
          /** @description Free-form; at most 16 KB as JSON and 8 levels deep */
          attributes?: {
            [key: string]: unknown
          }
          /** @description A referral code */
          referred_by?: string
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Member']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getMember: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Member']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  updateMember: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name?: string | null
          phone?: string | null
          email?: string | null
          birthday?: string | null
          /** @description Merged into the stored attributes; a key set to null is removed */
          attributes?: {
            [key: string]: unknown
          }
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Member']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createPortalSession: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          locale?: string
          /** Format: uri */
          return_url?: string
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            url: string
            token: string
            /** Format: date-time */
            expires_at: string
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getMemberPoints: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            available: number
            pending: number
            expiring: {
              points: number
              /** Format: date-time */
              expires_at: string
            }[]
            lifetime: {
              earned: number
              redeemed: number
              expired: number
              reversed: number
              /** @description Net of positive and negative adjustments */
              adjusted: number
            }
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listMemberPointTransactions: {
    parameters: {
      query?: {
        limit?: number
        cursor?: string
      }
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['PointTransaction'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  explainMemberPoints: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            available: number
            pending: number
            lots: {
              id: string
              status: 'available' | 'pending'
              earned: number
              remaining: number
              /** Format: date-time */
              earned_at: string
              expires_at: string | null
              source: {
                kind: string
                id: string
              }
              rule: {
                id: string
                name: string
              } | null
            }[]
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  adjustMemberPoints: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          points: number
          reason: string
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['PointTransaction']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Well-formed, but the current state refuses it */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  redeemMemberPoints: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          points: number
          reason?: string
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['PointTransaction']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Well-formed, but the current state refuses it */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createOrder: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description Your own id, unique per program */
          id: string
          /** @description mem_… id or external_id */
          member: string
          /** @description What the member paid, minor units */
          amount: number
          /** Format: date-time */
          occurred_at?: string
          channel?: string
          /** @description Minor units */
          shipping_fee?: number
          items?: {
            sku: string
            name?: string
            category?: string
            quantity: number
            /** @description Minor units */
            unit_price: number
          }[]
          coupon_codes?: string[]
          points_to_redeem?: number
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            order: components['schemas']['Order']
            effects: {
              points_earned: number
              points_status: 'pending' | 'available'
              /** Format: date-time */
              points_available_at?: string
              growth_earned: number
              points_redeemed: number
              discounts: {
                source: string
                id: string
                amount: number
              }[]
              coupons_redeemed: string[]
              /** @description Keys of the tier’s benefits the order used (docs/benefits.md) */
              benefits_used: string[]
              tier_change: {
                from: string
                to: string
              } | null
              rules: {
                rule: string
                points: number
                growth: number
              }[]
            }
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Well-formed, but the current state refuses it */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getOrder: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Order']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createRefund: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description Your own id, unique per program */
          id: string
          /** @description At least 1, except for an order of amount 0 (paid with points or coupons) */
          amount: number
          items?: {
            sku: string
            quantity: number
          }[]
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            refund: {
              id: string
              order: string
              member: string
              amount: number
              items:
                | {
                    sku: string
                    quantity: number
                  }[]
                | null
              /** Format: date-time */
              created_at: string
            }
            effects: {
              points_reversed: number
              /** @description Redeemed points given back */
              points_returned: number
              growth_reversed: number
              coupons_restored: string[]
              /** @description Keys of the benefits whose uses by the order were given back (full refund) */
              benefits_returned: string[]
              tier_change: {
                from: string
                to: string
              } | null
            }
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Well-formed, but the current state refuses it */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createEvent: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description Your own id, unique per program */
          id: string
          /** @description Built-in or custom: ^[a-z][a-z0-9_.]*$ */
          type: string
          member: string
          /** Format: date-time */
          occurred_at?: string
          properties?: {
            [key: string]: unknown
          }
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            event: {
              id: string
              type: string
              member: string
              /** Format: date-time */
              occurred_at: string
              properties: {
                [key: string]: unknown
              }
              points_earned: number
              growth_earned: number
              /** Format: date-time */
              created_at: string
            }
            effects: {
              points_earned: number
              /** @enum {string} */
              points_status: 'available'
              growth_earned: number
              tier_change: {
                from: string
                to: string
              } | null
              rules: {
                rule: string
                points: number
                growth: number
              }[]
            }
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getEvent: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            id: string
            type: string
            member: string
            /** Format: date-time */
            occurred_at: string
            properties: {
              [key: string]: unknown
            }
            points_earned: number
            growth_earned: number
            /** Format: date-time */
            created_at: string
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  quoteCheckout: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description mem_… id or external_id */
          member: string
          items: {
            sku: string
            name?: string
            category?: string
            quantity: number
            /** @description Minor units */
            unit_price: number
          }[]
          /** @description Minor units */
          shipping_fee?: number
          coupon_codes?: string[]
          points_to_redeem?: number
          channel?: string
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            /** @description Σ quantity × unit_price, minor units */
            subtotal: number
            discounts: {
              source: 'tier' | 'coupon' | 'benefit'
              id: string
              amount: number
            }[]
            shipping_fee: number
            shipping_discount: number
            points_redeemed: number
            /** @description What the redeemed points pay, minor units */
            points_value: number
            /** @description What the member pays, minor units */
            total: number
            /** @description What an order of this total would earn */
            points_to_earn: number
            /** @description Keys of the tier’s benefits the order would use (docs/benefits.md) */
            benefits_used: string[]
            /** @description Each of the member’s active coupons: whether it applies to this basket, or why not */
            applicable_coupons: {
              id: string | null
              code: string
              template: string | null
              applicable: boolean
              /** @description Why a coupon does not apply; `invalid` covers unknown, used and other members’ codes alike */
              reason?:
                | 'invalid'
                | 'not_started'
                | 'expired'
                | 'min_spend_not_met'
                | 'no_eligible_items'
                | 'not_stackable'
                | 'duplicate'
              /** @description What it takes off this basket on its own */
              amount?: number
            }[]
            /** @description The request’s own codes that were not applied, with the reason */
            coupons_refused: {
              id: string | null
              code: string
              template: string | null
              applicable: boolean
              /** @description Why a coupon does not apply; `invalid` covers unknown, used and other members’ codes alike */
              reason?:
                | 'invalid'
                | 'not_started'
                | 'expired'
                | 'min_spend_not_met'
                | 'no_eligible_items'
                | 'not_stackable'
                | 'duplicate'
              /** @description What it takes off this basket on its own */
              amount?: number
            }[]
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listEarningRules: {
    parameters: {
      query?: {
        trigger?: string
        active?: boolean
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['EarningRule'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createEarningRule: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name: string
          /** @description `order.completed`, or an event type (`review.posted`, a custom type) */
          trigger: string
          condition?: {
            [key: string]: unknown
          } | null
          /** @description `per_amount`: `points` for every whole `per` minor units paid, rounded down; `fixed`: `points` each time the rule matches. */
          reward:
            | {
                /** @enum {string} */
                type: 'per_amount'
                /** @description Points (or growth value), 0 to 10^9 */
                points: number
                /** @description Minor units per step, e.g. 100 = ¥1 */
                per: number
              }
            | {
                /** @enum {string} */
                type: 'fixed'
                /** @description Points (or growth value), 0 to 10^9 */
                points: number
              }
          growth?:
            | (
                | {
                    /** @enum {string} */
                    type: 'per_amount'
                    /** @description Points (or growth value), 0 to 10^9 */
                    points: number
                    /** @description Minor units per step, e.g. 100 = ¥1 */
                    per: number
                  }
                | {
                    /** @enum {string} */
                    type: 'fixed'
                    /** @description Points (or growth value), 0 to 10^9 */
                    points: number
                  }
              )
            | null
          /** @description Tier key → multiplier applied to `reward` (not growth), e.g. `{ "gold": 1.5 }` */
          tier_multipliers?: {
            [key: string]: number
          }
          /** @description Caps in points (days and months in the program’s time zone). A reached cap makes the rule pay less or nothing; it never fails the order or event. */
          limits?: {
            per_member_per_day?: number
            per_member_per_month?: number
            per_member_total?: number
            total_budget?: number
          }
          starts_at?: string | null
          ends_at?: string | null
          /** @default true */
          active?: boolean
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['EarningRule']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  previewEarningRule: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** @description Give exactly one of `order` and `event` */
    requestBody: {
      content: {
        'application/json': {
          rule:
            | string
            | {
                name?: string
                /** @description `order.completed`, or an event type (`review.posted`, a custom type) */
                trigger: string
                condition?: {
                  [key: string]: unknown
                } | null
                /** @description `per_amount`: `points` for every whole `per` minor units paid, rounded down; `fixed`: `points` each time the rule matches. */
                reward:
                  | {
                      /** @enum {string} */
                      type: 'per_amount'
                      /** @description Points (or growth value), 0 to 10^9 */
                      points: number
                      /** @description Minor units per step, e.g. 100 = ¥1 */
                      per: number
                    }
                  | {
                      /** @enum {string} */
                      type: 'fixed'
                      /** @description Points (or growth value), 0 to 10^9 */
                      points: number
                    }
                growth?:
                  | (
                      | {
                          /** @enum {string} */
                          type: 'per_amount'
                          /** @description Points (or growth value), 0 to 10^9 */
                          points: number
                          /** @description Minor units per step, e.g. 100 = ¥1 */
                          per: number
                        }
                      | {
                          /** @enum {string} */
                          type: 'fixed'
                          /** @description Points (or growth value), 0 to 10^9 */
                          points: number
                        }
                    )
                  | null
                /** @description Tier key → multiplier applied to `reward` (not growth), e.g. `{ "gold": 1.5 }` */
                tier_multipliers?: {
                  [key: string]: number
                }
                /** @description Caps in points (days and months in the program’s time zone). A reached cap makes the rule pay less or nothing; it never fails the order or event. */
                limits?: {
                  per_member_per_day?: number
                  per_member_per_month?: number
                  per_member_total?: number
                  total_budget?: number
                }
                starts_at?: string | null
                ends_at?: string | null
                /** @default true */
                active?: boolean
              }
          /** @description A sample order, as `POST /v1/orders` takes it */
          order?: {
            id?: string
            /** @description What the member paid, in minor units */
            amount: number
            /** Format: date-time */
            occurred_at?: string
            channel?: string
            /** @description Minor units */
            shipping_fee?: number
            items?: {
              sku: string
              name?: string
              category?: string
              quantity: number
              /** @description Minor units */
              unit_price: number
            }[]
          }
          /** @description A sample event, as `POST /v1/events` takes it */
          event?: {
            id?: string
            /** @description Default: the rule’s trigger */
            type?: string
            /** Format: date-time */
            occurred_at?: string
            properties?: {
              [key: string]: unknown
            }
          }
          member?:
            | string
            | {
                tier?: string
                /** Format: date-time */
                joined_at?: string
                birthday?: string
                orders_count?: number
                lifetime_spend?: number
                growth?: number
                points?: number
                attributes?: {
                  [key: string]: unknown
                }
              }
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            /** @description The rule is live and its condition holds */
            matched: boolean
            /** @description Points it would pay, limits included */
            points: number
            growth: number
            points_before_limits: number
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getEarningRule: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `rule_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['EarningRule']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  deleteEarningRule: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `rule_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  updateEarningRule: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `rule_…` */
        id: string
      }
      cookie?: never
    }
    /** @description Fields given replace the stored ones whole; null clears */
    requestBody: {
      content: {
        'application/json': {
          name?: string
          /** @description `order.completed`, or an event type (`review.posted`, a custom type) */
          trigger?: string
          condition?: {
            [key: string]: unknown
          } | null
          /** @description `per_amount`: `points` for every whole `per` minor units paid, rounded down; `fixed`: `points` each time the rule matches. */
          reward?:
            | {
                /** @enum {string} */
                type: 'per_amount'
                /** @description Points (or growth value), 0 to 10^9 */
                points: number
                /** @description Minor units per step, e.g. 100 = ¥1 */
                per: number
              }
            | {
                /** @enum {string} */
                type: 'fixed'
                /** @description Points (or growth value), 0 to 10^9 */
                points: number
              }
          growth?:
            | (
                | {
                    /** @enum {string} */
                    type: 'per_amount'
                    /** @description Points (or growth value), 0 to 10^9 */
                    points: number
                    /** @description Minor units per step, e.g. 100 = ¥1 */
                    per: number
                  }
                | {
                    /** @enum {string} */
                    type: 'fixed'
                    /** @description Points (or growth value), 0 to 10^9 */
                    points: number
                  }
              )
            | null
          /** @description Tier key → multiplier applied to `reward` (not growth), e.g. `{ "gold": 1.5 }` */
          tier_multipliers?: {
            [key: string]: number
          }
          /** @description Caps in points (days and months in the program’s time zone). A reached cap makes the rule pay less or nothing; it never fails the order or event. */
          limits?: {
            per_member_per_day?: number
            per_member_per_month?: number
            per_member_total?: number
            total_budget?: number
          }
          starts_at?: string | null
          ends_at?: string | null
          active?: boolean
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['EarningRule']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getTiers: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['TierLadder']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  putTiers: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          metric: 'spend' | 'points_earned' | 'growth' | 'orders'
          window:
            | {
                /** @enum {string} */
                type: 'lifetime'
              }
            | {
                /** @enum {string} */
                type: 'rolling'
                months: number
              }
            | {
                /** @enum {string} */
                type: 'calendar_year'
              }
          downgrade:
            | {
                /** @enum {string} */
                type: 'never'
              }
            | {
                /** @enum {string} */
                type: 'period_end'
                grace_days?: number
                steps?: number
                /** @description How often members are reviewed; default year (calendar years, lifetime) or month (rolling) */
                period?: 'month' | 'quarter' | 'year'
              }
          tiers: {
            /** @description Stable key, e.g. gold */
            key: string
            /** @description Display name, e.g. 金卡 */
            name: string
            /** @description Metric needed; the first tier is 0 */
            threshold: number
            name_en?: string
            /** @description Card colour */
            color?: string
          }[]
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            metric: 'spend' | 'points_earned' | 'growth' | 'orders'
            window:
              | {
                  /** @enum {string} */
                  type: 'lifetime'
                }
              | {
                  /** @enum {string} */
                  type: 'rolling'
                  months: number
                }
              | {
                  /** @enum {string} */
                  type: 'calendar_year'
                }
            downgrade:
              | {
                  /** @enum {string} */
                  type: 'never'
                }
              | {
                  /** @enum {string} */
                  type: 'period_end'
                  grace_days?: number
                  steps?: number
                  /** @description How often members are reviewed; default year (calendar years, lifetime) or month (rolling) */
                  period?: 'month' | 'quarter' | 'year'
                }
            tiers: {
              /** @description Stable key, e.g. gold */
              key: string
              /** @description Display name, e.g. 金卡 */
              name: string
              /** @description Metric needed; the first tier is 0 */
              threshold: number
              name_en?: string
              /** @description Card colour */
              color?: string
            }[]
            reevaluation: {
              job: string
              run_id: string
            }
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getTierDistribution: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            tiers: {
              key: string
              name: string
              count: number
            }[]
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getMemberTier: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            tier: {
              key: string
              name: string
            }
            /** Format: date-time */
            since: string
            metric: {
              type: string
              value: number
              window: {
                type: string
                months?: number
              }
            }
            next: {
              key: string
              name: string
              threshold: number
              remaining: number
            } | null
            retain: {
              threshold: number
              /** Format: date-time */
              by: string
            } | null
            override: {
              until: string | null
            } | null
            history: {
              from: string
              to: string
              /** Format: date-time */
              at: string
              reason: string
              note?: string
            }[]
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  overrideMemberTier: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          tier: string
          /** Format: date-time */
          until?: string
          reason: string
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            tier: {
              key: string
              name: string
            }
            /** Format: date-time */
            since: string
            metric: {
              type: string
              value: number
              window: {
                type: string
                months?: number
              }
            }
            next: {
              key: string
              name: string
              threshold: number
              remaining: number
            } | null
            retain: {
              threshold: number
              /** Format: date-time */
              by: string
            } | null
            override: {
              until: string | null
            } | null
            history: {
              from: string
              to: string
              /** Format: date-time */
              at: string
              reason: string
              note?: string
            }[]
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listCouponTemplates: {
    parameters: {
      query?: {
        active?: boolean
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['CouponTemplate'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createCouponTemplate: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name: string
          /** @description `percent`: `percent_off` % of the covered items, rounded down, at most `max_amount`; `amount`: `amount_off`, at most what the covered items cost; `free_shipping`: the shipping fee. */
          discount:
            | {
                /** @enum {string} */
                type: 'percent'
                /** @description Percent off the covered items, 1 to 100, at most 4 decimals */
                percent_off: number
                /** @description The most the discount takes off, in minor units */
                max_amount?: number
              }
            | {
                /** @enum {string} */
                type: 'amount'
                /** @description Taken off, in minor units */
                amount_off: number
              }
            | {
                /** @enum {string} */
                type: 'free_shipping'
              }
          /** @description The covered items must cost at least this (minor units) for the coupon to apply */
          min_spend?: number
          /** @description Items in any of the categories or with any of the SKUs; none given: every item */
          applies_to?: {
            categories?: string[]
            skus?: string[]
          }
          /** @description `{ days }` counted from each issue, or one window for every coupon */
          validity:
            | {
                /** @description From issue (a bulk code: from its claim) to the end of the program’s local day this many days later */
                days: number
              }
            | {
                /** Format: date-time */
                starts_at: string
                /**
                 * Format: date-time
                 * @description Exclusive; after starts_at
                 */
                ends_at: string
              }
          /** @description Coupons of this template one member may ever get (redeemed and expired ones included) */
          per_member_limit?: number
          /** @description Coupons of this template in all, bulk codes included */
          total_limit?: number
          /** @default false */
          stackable?: boolean
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['CouponTemplate']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getCouponTemplate: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `cpt_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['CouponTemplate']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  updateCouponTemplate: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `cpt_…` */
        id: string
      }
      cookie?: never
    }
    /** @description A template’s terms never change; its name and switch do */
    requestBody: {
      content: {
        'application/json': {
          name?: string
          /** @description `false`: no more coupons, bulk codes or claims */
          active?: boolean
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['CouponTemplate']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listCouponCodes: {
    parameters: {
      query?: {
        status?: 'unassigned' | 'active' | 'redeemed' | 'expired'
        /** @description `csv`: every code (paging ignored) as text/csv */
        format?: 'json' | 'csv'
        limit?: number
        cursor?: string
      }
      header?: never
      path: {
        /** @description `cpt_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of coupons (JSON), or all of them (CSV) */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Coupon'][]
            next_cursor: string | null
          }
          'text/csv': string
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  generateCouponCodes: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `cpt_…` */
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          count: number
        }
      }
    }
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            /** @description The job run: `GET /v1/job-runs/{id}` shows its progress */
            run_id: string
            job: string
            template: string
            count: number
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Well-formed, but the current state refuses it */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  findCouponByCode: {
    parameters: {
      query: {
        /** @description A coupon code, with or without dashes, any case */
        code: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Coupon'][]
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listMemberCoupons: {
    parameters: {
      query?: {
        status?: 'active' | 'redeemed' | 'expired'
        limit?: number
        cursor?: string
      }
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Coupon'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  issueCoupon: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    /** @description Give exactly one of `template` and `code` */
    requestBody: {
      content: {
        'application/json': {
          /** @description Issue a new coupon of it */
          template?: string
          /** @description Claim this unassigned bulk code (case, dashes and spaces do not matter) */
          code?: string
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Coupon']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Well-formed, but the current state refuses it */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listSegments: {
    parameters: {
      query?: {
        /** @description Count each segment’s members (a query per segment) */
        with_counts?: boolean
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Segment'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createSegment: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name: string
          /** @description JsonLogic over member fields (`tier`, `status`, `points`, `pending_points`, `lifetime_spend`, `orders_count`, `growth`, `days_since_joined`, `days_since_last_order`, `birthday_month`, `unused_benefits` (a list: `{ "in": ["<benefit key>", { "var": "unused_benefits" }] }`), `attributes.<key>`), e.g. `{ ">=": [{ "var": "lifetime_spend" }, 100000] }`; operators and, or, !, ==, !=, ===, !==, <, <=, >, >=, in (docs/segments.md) */
          condition: {
            [key: string]: unknown
          }
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Segment']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  previewSegment: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description JsonLogic over member fields (`tier`, `status`, `points`, `pending_points`, `lifetime_spend`, `orders_count`, `growth`, `days_since_joined`, `days_since_last_order`, `birthday_month`, `unused_benefits` (a list: `{ "in": ["<benefit key>", { "var": "unused_benefits" }] }`), `attributes.<key>`), e.g. `{ ">=": [{ "var": "lifetime_spend" }, 100000] }`; operators and, or, !, ==, !=, ===, !==, <, <=, >, >=, in (docs/segments.md) */
          condition: {
            [key: string]: unknown
          }
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            count: number
            /** @description Up to 10 of them, by id */
            sample: components['schemas']['Member'][]
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getSegment: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `seg_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Segment']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  deleteSegment: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `seg_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  updateSegment: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `seg_…` */
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name?: string
          /** @description JsonLogic over member fields (`tier`, `status`, `points`, `pending_points`, `lifetime_spend`, `orders_count`, `growth`, `days_since_joined`, `days_since_last_order`, `birthday_month`, `unused_benefits` (a list: `{ "in": ["<benefit key>", { "var": "unused_benefits" }] }`), `attributes.<key>`), e.g. `{ ">=": [{ "var": "lifetime_spend" }, 100000] }`; operators and, or, !, ==, !=, ===, !==, <, <=, >, >=, in (docs/segments.md) */
          condition?: {
            [key: string]: unknown
          }
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Segment']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listSegmentMembers: {
    parameters: {
      query?: {
        limit?: number
        cursor?: string
      }
      header?: never
      path: {
        /** @description `seg_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Member'][]
            next_cursor: string | null
            /** @description Members matching, on every page */
            count: number
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listCampaigns: {
    parameters: {
      query?: {
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Campaign'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createCampaign: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name: string
          /** @description What makes a member eligible (docs/campaigns.md) */
          trigger:
            | {
                /** @enum {string} */
                type: 'member_joined'
              }
            | {
                /** @enum {string} */
                type: 'birthday'
                /** @description Reward this many days before the birthday (default 0: on the day) */
                days_before?: number
              }
            | {
                /** @enum {string} */
                type: 'tier_upgraded'
                /** @description Only upgrades to this tier */
                tier?: string
              }
            | {
                /** @enum {string} */
                type: 'inactive'
                /** @description Days without an order (or, without orders, since joining) */
                days: number
              }
            | {
                /** @enum {string} */
                type: 'scheduled'
                /** Format: date-time */
                at: string
                /** @description `seg_…` */
                segment: string
              }
          reward:
            | {
                /** @enum {string} */
                type: 'coupon'
                template: string
              }
            | {
                /** @enum {string} */
                type: 'points'
                points: number
              }
          budget?: {
            max_rewards?: number | null
            max_cost?: number | null
          }
          /** @description Percent of the audience held out as a control group (default 0), at most two decimals */
          holdout_percent?: number
          /** Format: date-time */
          starts_at?: string
          ends_at?: string | null
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Campaign']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  previewCampaignAudience: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description What makes a member eligible (docs/campaigns.md) */
          trigger:
            | {
                /** @enum {string} */
                type: 'member_joined'
              }
            | {
                /** @enum {string} */
                type: 'birthday'
                /** @description Reward this many days before the birthday (default 0: on the day) */
                days_before?: number
              }
            | {
                /** @enum {string} */
                type: 'tier_upgraded'
                /** @description Only upgrades to this tier */
                tier?: string
              }
            | {
                /** @enum {string} */
                type: 'inactive'
                /** @description Days without an order (or, without orders, since joining) */
                days: number
              }
            | {
                /** @enum {string} */
                type: 'scheduled'
                /** Format: date-time */
                at: string
                /** @description `seg_…` */
                segment: string
              }
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            count: number
            basis: 'now' | 'last_30_days' | 'next_30_days'
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getCampaign: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Campaign']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  updateCampaign: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name?: string
          active?: boolean
          budget?: {
            max_rewards?: number | null
            max_cost?: number | null
          }
          ends_at?: string | null
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Campaign']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getCampaignReport: {
    parameters: {
      query?: {
        /** @description Days of revenue counted after each member was assigned */
        window_days?: number
      }
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            rewards_issued: number
            /** @description Minor units: points given at their checkout value, coupons at what orders took off */
            cost: number
            /** @description Coupons used; for points, rewarded members who spent points since */
            redeemed: number
            treated: number
            holdout: number
            revenue_per_treated: number
            revenue_per_holdout: number
            /** @description revenue_per_treated − revenue_per_holdout, minor units */
            uplift: number
            /** @description [low, high]: the 95 % confidence interval of the uplift (Welch); null with fewer than 2 in a group */
            uplift_interval: number[] | null
            verdict: 'effective' | 'no_significant_difference' | 'negative' | 'too_few_members'
            window_days: number
            over_budget: number
            refused: number
            pending: number
            /** @description Cumulative revenue per member of each group, by local day */
            timeline: {
              date: string
              treated: number
              holdout: number
            }[]
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listBenefits: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Benefit'][]
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createBenefit: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description Lower case: `free_ship`, … */
          key: string
          name: string
          /** @description `free_shipping` and `discount` (config `{ percent_off, max_amount? }`, source `tier`) are applied by quotes and orders; `points_multiplier` (config `{ multiplier }`) multiplies what each earning rule pays an order; the others are used by hand, by bookings and invitations */
          type:
            | 'free_shipping'
            | 'discount'
            | 'points_multiplier'
            | 'early_access'
            | 'event_invitation'
            | 'dedicated_service'
            | 'appointment'
            | 'custom'
          /** @description Tier keys of the ladder whose members have the benefit */
          tiers: string[]
          quota?: {
            count: number
            /** @description In the program’s time zone; weeks start on Monday */
            period: 'week' | 'month' | 'year'
          } | null
          /** @description By type: discount `{ percent_off, max_amount? }`, points_multiplier `{ multiplier }` */
          config?: {
            [key: string]: unknown
          }
          active?: boolean
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Benefit']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getBenefit: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The benefit’s key (or id) */
        key: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Benefit']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  deleteBenefit: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The benefit’s key (or id) */
        key: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  updateBenefit: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The benefit’s key (or id) */
        key: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name?: string
          /** @description Tier keys of the ladder whose members have the benefit */
          tiers?: string[]
          quota?: {
            count: number
            /** @description In the program’s time zone; weeks start on Monday */
            period: 'week' | 'month' | 'year'
          } | null
          /** @description By type: discount `{ percent_off, max_amount? }`, points_multiplier `{ multiplier }` */
          config?: {
            [key: string]: unknown
          }
          active?: boolean
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Benefit']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  auditBenefit: {
    parameters: {
      query?: {
        /** @description Any day or instant of the period to audit: a local date (`2026-12-01`, in the program’s time zone) or a date-time (default now) */
        period_start?: string
      }
      header?: never
      path: {
        /** @description The benefit’s key (or id) */
        key: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            benefit: string
            period: {
              /** Format: date-time */
              start: string
              /** Format: date-time */
              end: string
            }
            /** @description Members who held an entitled tier in the period */
            entitled: number
            /** @description Of them, members with a use kept (not given back) */
            used: number
            /** @description Uses recorded in the period */
            uses: number
            /** @description Of them, uses given back */
            returned: number
            unused: {
              count: number
            }
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listBenefitUnusedMembers: {
    parameters: {
      query?: {
        /** @description Any day or instant of the period to audit: a local date (`2026-12-01`, in the program’s time zone) or a date-time (default now) */
        period_start?: string
        /** @description The whole list as CSV */
        format?: 'csv'
        limit?: number
        cursor?: string
      }
      header?: never
      path: {
        /** @description The benefit’s key (or id) */
        key: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of members (JSON), or all of them (CSV) */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Member'][]
            next_cursor: string | null
            period: {
              /** Format: date-time */
              start: string
              /** Format: date-time */
              end: string
            }
          }
          'text/csv': string
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listMemberBenefits: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            key: string
            name: string
            /** @description `free_shipping` and `discount` (config `{ percent_off, max_amount? }`, source `tier`) are applied by quotes and orders; `points_multiplier` (config `{ multiplier }`) multiplies what each earning rule pays an order; the others are used by hand, by bookings and invitations */
            type:
              | 'free_shipping'
              | 'discount'
              | 'points_multiplier'
              | 'early_access'
              | 'event_invitation'
              | 'dedicated_service'
              | 'appointment'
              | 'custom'
            /** @description By type: discount `{ percent_off, max_amount? }`, points_multiplier `{ multiplier }` */
            config: {
              [key: string]: unknown
            }
            quota: {
              count: number
              used: number
              remaining: number
              /** Format: date-time */
              resets_at: string
            } | null
          }[]
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  useMemberBenefit: {
    parameters: {
      query?: never
      header?: never
      path: {
        member: string
        key: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description What the use was for: a visit, a ticket, a booking */
          reference?: string
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            /** @description `bus_…` */
            id: string
            /** @description The benefit’s key */
            benefit: string
            member: string
            /** @description The member’s tier when it was used */
            tier: string
            reference: {
              /** @description `order` or `manual` */
              kind: string
              id: string | null
            }
            /** @description The quota period it counted in: `week:2026-12-07`, `month:2026-12`, `year:2026` */
            period: string | null
            /** @description What it was worth in minor units (orders) */
            amount: number
            /** Format: date-time */
            used_at: string
            /** @description When it was given back (its order fully refunded) */
            returned_at: string | null
            quota: {
              count: number
              used: number
              remaining: number
              /** Format: date-time */
              resets_at: string
            } | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Well-formed, but the current state refuses it */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listMemberBenefitUses: {
    parameters: {
      query?: {
        benefit?: string
        limit?: number
        cursor?: string
      }
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: {
              /** @description `bus_…` */
              id: string
              /** @description The benefit’s key */
              benefit: string
              member: string
              /** @description The member’s tier when it was used */
              tier: string
              reference: {
                /** @description `order` or `manual` */
                kind: string
                id: string | null
              }
              /** @description The quota period it counted in: `week:2026-12-07`, `month:2026-12`, `year:2026` */
              period: string | null
              /** @description What it was worth in minor units (orders) */
              amount: number
              /** Format: date-time */
              used_at: string
              /** @description When it was given back (its order fully refunded) */
              returned_at: string | null
            }[]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listAppointmentSlots: {
    parameters: {
      query?: {
        /** @description Slots starting at or after */
        from?: string
        /** @description Slots starting before */
        to?: string
        /** @description What is booked, e.g. `personal_styling` or “私人造型” */
        service?: string
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['AppointmentSlot'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createAppointmentSlot: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description What is booked, e.g. `personal_styling` or “私人造型” */
          service: string
          /** Format: date-time */
          starts_at: string
          /**
           * Format: date-time
           * @description After `starts_at`
           */
          ends_at: string
          /** @description Places in the slot */
          capacity: number
          tiers?: string[] | null
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['AppointmentSlot']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getAppointmentSlot: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `slot_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['AppointmentSlot']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  deleteAppointmentSlot: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `slot_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            id: string
            /** @enum {boolean} */
            deleted: true
            /** @description Live bookings the deletion cancelled */
            bookings_cancelled: number
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  updateAppointmentSlot: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `slot_…` */
        id: string
      }
      cookie?: never
    }
    /** @description Bookings already made stay, whatever the change of tiers */
    requestBody: {
      content: {
        'application/json': {
          /** @description What is booked, e.g. `personal_styling` or “私人造型” */
          service?: string
          /** Format: date-time */
          starts_at?: string
          /** Format: date-time */
          ends_at?: string
          /** @description Not below the places booked (else `400`) */
          capacity?: number
          tiers?: string[] | null
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['AppointmentSlot']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listSlotBookings: {
    parameters: {
      query?: {
        status?: 'booked' | 'cancelled'
        limit?: number
        cursor?: string
      }
      header?: never
      path: {
        /** @description `slot_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: {
              /** @description `apt_…` */
              id: string
              /** @description The slot’s id */
              slot: string
              /** @description The member’s id */
              member: string
              status: 'booked' | 'cancelled'
              /** @description The slot’s service */
              service: string
              /** Format: date-time */
              starts_at: string
              /** Format: date-time */
              ends_at: string
              /** @description `member`: in the portal; `staff`: with a program key */
              booked_by: 'member' | 'staff'
              /** Format: date-time */
              booked_at: string
              cancelled_by: ('member' | 'staff') | null
              cancelled_at: string | null
              member_external_id: string
              member_name: string | null
            }[]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listMemberAppointments: {
    parameters: {
      query?: {
        status?: 'booked' | 'cancelled'
        limit?: number
        cursor?: string
      }
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Appointment'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  bookAppointment: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description The slot’s id, `slot_…` */
          slot: string
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Appointment']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Well-formed, but the current state refuses it */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  cancelAppointment: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
        /** @description `apt_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Appointment']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Well-formed, but the current state refuses it */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listExclusiveEvents: {
    parameters: {
      query?: {
        /** @description Events starting at or after */
        from?: string
        /** @description Events starting before */
        to?: string
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['ExclusiveEvent'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createExclusiveEvent: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          title: string
          /**
           * Format: date-time
           * @description In the future
           */
          starts_at: string
          capacity: number
          /** @description Every active member of these tiers is invited; an unknown key is `400` */
          tiers: string[]
          description?: string
          location?: string
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['ExclusiveEvent']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getExclusiveEvent: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `exev_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['ExclusiveEvent']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listEventInvitations: {
    parameters: {
      query?: {
        /** @description `yes`: the attendee list; `pending`: not answered yet */
        rsvp?: 'yes' | 'no' | 'pending'
        limit?: number
        cursor?: string
      }
      header?: never
      path: {
        /** @description `exev_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: {
              /** @description The event’s id */
              event: string
              /** @description The member’s id */
              member: string
              /** @description The member’s tier when invited */
              tier: string
              /** @description `creation`: invited with the event; `rsvp`: on answering, in an eligible tier */
              via: 'creation' | 'rsvp'
              rsvp: ('yes' | 'no') | null
              /** Format: date-time */
              invited_at: string
              responded_at: string | null
              member_external_id: string
              member_name: string | null
            }[]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  rsvpExclusiveEvent: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
        /** @description `exev_…` */
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `true`: yes (takes a place); `false`: no */
          attending: boolean
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Invitation']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Well-formed, but the current state refuses it */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listMemberInvitations: {
    parameters: {
      query?: {
        limit?: number
        cursor?: string
      }
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: {
              /** @description The event’s id */
              event: string
              /** @description The member’s id */
              member: string
              /** @description The member’s tier when invited */
              tier: string
              /** @description `creation`: invited with the event; `rsvp`: on answering, in an eligible tier */
              via: 'creation' | 'rsvp'
              rsvp: ('yes' | 'no') | null
              /** Format: date-time */
              invited_at: string
              responded_at: string | null
              exclusive_event: components['schemas']['ExclusiveEvent']
            }[]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getPortalMe: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            member: components['schemas']['Member']
            program: {
              id: string
              name: string
              currency: string
              locale: string
              timezone: string
              /** @description Points as cash at checkout */
              points_policy: {
                /** @description Points worth one major currency unit at checkout */
                redeem_rate: number
                /** @description The most of an order points may pay, in percent */
                max_redeem_percent: number
              }
            }
            locale: string | null
            return_url: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getPortalPoints: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            available: number
            pending: number
            expiring: {
              points: number
              /** Format: date-time */
              expires_at: string
            }[]
            lifetime: {
              earned: number
              redeemed: number
              expired: number
              reversed: number
              /** @description Net of positive and negative adjustments */
              adjusted: number
            }
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listPortalPointTransactions: {
    parameters: {
      query?: {
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['PointTransaction'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getPortalTier: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            tier: {
              key: string
              name: string
            }
            /** Format: date-time */
            since: string
            metric: {
              type: string
              value: number
              window: {
                type: string
                months?: number
              }
            }
            next: {
              key: string
              name: string
              threshold: number
              remaining: number
            } | null
            retain: {
              threshold: number
              /** Format: date-time */
              by: string
            } | null
            override: {
              until: string | null
            } | null
            history: {
              from: string
              to: string
              /** Format: date-time */
              at: string
              reason: string
              note?: string
            }[]
            ladder: {
              key: string
              name: string
              threshold: number
              name_en?: string
              color?: string
            }[]
            metric_type: string
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listPortalCoupons: {
    parameters: {
      query?: {
        status?: 'active' | 'redeemed' | 'expired'
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: {
              /** @description `cpn_…` */
              id: string
              /** @description 16 characters of Crockford base32 in groups of four: `XXXX-XXXX-XXXX-XXXX` */
              code: string
              /** @description The template’s id */
              template: string
              member: string | null
              /** @description `expired`: active, and `expires_at` has passed */
              status: 'unassigned' | 'active' | 'redeemed' | 'expired'
              starts_at: string | null
              expires_at: string | null
              issued_at: string | null
              redeemed_at: string | null
              order: string | null
              /** Format: date-time */
              created_at: string
              /** @description What the coupon takes off, on what, from its template */
              terms: {
                name: string
                /** @description `percent`: `percent_off` % of the covered items, rounded down, at most `max_amount`; `amount`: `amount_off`, at most what the covered items cost; `free_shipping`: the shipping fee. */
                discount:
                  | {
                      /** @enum {string} */
                      type: 'percent'
                      /** @description Percent off the covered items, 1 to 100, at most 4 decimals */
                      percent_off: number
                      /** @description The most the discount takes off, in minor units */
                      max_amount?: number
                    }
                  | {
                      /** @enum {string} */
                      type: 'amount'
                      /** @description Taken off, in minor units */
                      amount_off: number
                    }
                  | {
                      /** @enum {string} */
                      type: 'free_shipping'
                    }
                min_spend: number | null
                applies_to: {
                  categories?: string[]
                  skus?: string[]
                } | null
                /** @description May be used on one order with other coupons */
                stackable: boolean
              }
            }[]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listPortalAppointmentSlots: {
    parameters: {
      query?: {
        /** @description Slots starting at or after */
        from?: string
        /** @description Slots starting before */
        to?: string
        /** @description What is booked, e.g. `personal_styling` or “私人造型” */
        service?: string
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: {
              /** @description `slot_…` */
              id: string
              /** @description What is booked, e.g. `personal_styling` or “私人造型” */
              service: string
              /** Format: date-time */
              starts_at: string
              /** Format: date-time */
              ends_at: string
              /** @description Places in the slot */
              capacity: number
              /** @description Live bookings */
              booked: number
              /** @description `capacity − booked` */
              remaining: number
              tiers: string[] | null
              /** Format: date-time */
              created_at: string
              /** Format: date-time */
              updated_at: string
              /** @description The member’s tier may book it */
              tier_allowed: boolean
              my_appointment: string | null
            }[]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listPortalAppointments: {
    parameters: {
      query?: {
        status?: 'booked' | 'cancelled'
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Appointment'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  bookPortalAppointment: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description The slot’s id, `slot_…` */
          slot: string
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Appointment']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Well-formed, but the current state refuses it */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  cancelPortalAppointment: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Appointment']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Well-formed, but the current state refuses it */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listPortalExclusiveEvents: {
    parameters: {
      query?: {
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: {
              exclusive_event: components['schemas']['ExclusiveEvent']
              invitation: components['schemas']['Invitation'] | null
              /** @description The member may answer it now */
              eligible: boolean
            }[]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  rsvpPortalExclusiveEvent: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `true`: yes (takes a place); `false`: no */
          attending: boolean
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Invitation']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Well-formed, but the current state refuses it */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listReleases: {
    parameters: {
      query?: {
        /** @description Only releases not yet public */
        upcoming?: boolean
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Release'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createRelease: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description The product’s SKU */
          sku: string
          name: string
          /**
           * Format: date-time
           * @description On sale to everyone from then
           */
          public_at: string
          /**
           * @description Head starts by tier. A tier listed twice has the larger; a tier not listed has none (list every tier that should have one: a head start is not inherited by higher tiers).
           * @default []
           */
          early_access?: {
            /** @description A tier key of the ladder */
            tier: string
            /** @description The tier’s members may buy this many hours before `public_at` */
            hours_before: number
          }[]
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Release']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getRelease: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `rel_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Release']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  deleteRelease: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `rel_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  updateRelease: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `rel_…` */
        id: string
      }
      cookie?: never
    }
    /** @description Fields given replace the stored ones whole */
    requestBody: {
      content: {
        'application/json': {
          /** @description The product’s SKU */
          sku?: string
          name?: string
          /**
           * Format: date-time
           * @description On sale to everyone from then
           */
          public_at?: string
          /** @description Head starts by tier. A tier listed twice has the larger; a tier not listed has none (list every tier that should have one: a head start is not inherited by higher tiers). */
          early_access?: {
            /** @description A tier key of the ladder */
            tier: string
            /** @description The tier’s members may buy this many hours before `public_at` */
            hours_before: number
          }[]
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Release']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getMemberReleaseAccess: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
        /** @description The product’s SKU */
        sku: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['ReleaseAccess']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listAdvisors: {
    parameters: {
      query?: {
        active?: boolean
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Advisor'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createAdvisor: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name: string
          /** @description How members reach the advisor: a phone number, a WeChat id, an email… */
          contact: string
          /** @description The most members the advisor serves */
          capacity: number
          /** @default true */
          active?: boolean
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Advisor']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getAdvisor: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `adv_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Advisor']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  deleteAdvisor: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `adv_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  updateAdvisor: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `adv_…` */
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name?: string
          /** @description How members reach the advisor: a phone number, a WeChat id, an email… */
          contact?: string
          /** @description The most members the advisor serves */
          capacity?: number
          /** @description An inactive advisor takes no new members and keeps those it has */
          active?: boolean
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Advisor']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listAdvisorMembers: {
    parameters: {
      query?: {
        limit?: number
        cursor?: string
      }
      header?: never
      path: {
        /** @description `adv_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: {
              /** @description `mem_…` */
              id: string
              external_id: string
              name: string | null
              /** @description The member’s tier key */
              tier: string
              /** Format: date-time */
              assigned_at: string
            }[]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getMemberAdvisor: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['AdvisorContact']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getPortalAdvisor: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            advisor: components['schemas']['AdvisorContact'] | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listPortalReleases: {
    parameters: {
      query?: {
        limit?: number
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: {
              /** @description The product’s SKU */
              sku: string
              name: string
              /** Format: date-time */
              public_at: string
              /**
               * Format: date-time
               * @description When it opens to the member
               */
              opens_at: string
              /** @description The member may buy it now */
              allowed: boolean
            }[]
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getPortalReleaseAccess: {
    parameters: {
      query?: never
      header?: never
      path: {
        sku: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['ReleaseAccess']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listPortalBenefits: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            key: string
            name: string
            /** @description `free_shipping` and `discount` (config `{ percent_off, max_amount? }`, source `tier`) are applied by quotes and orders; `points_multiplier` (config `{ multiplier }`) multiplies what each earning rule pays an order; the others are used by hand, by bookings and invitations */
            type:
              | 'free_shipping'
              | 'discount'
              | 'points_multiplier'
              | 'early_access'
              | 'event_invitation'
              | 'dedicated_service'
              | 'appointment'
              | 'custom'
            /** @description By type: discount `{ percent_off, max_amount? }`, points_multiplier `{ multiplier }` */
            config: {
              [key: string]: unknown
            }
            quota: {
              count: number
              used: number
              remaining: number
              /** Format: date-time */
              resets_at: string
              period: 'week' | 'month' | 'year'
            } | null
          }[]
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listRewards: {
    parameters: {
      query?: {
        active?: boolean
        /** @description A member (`id` or `external_id`): adds each reward’s `eligibility` for it */
        member?: string
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Reward'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createReward: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name: string
          /** @description `product` and `service`: pending until an operator fulfils the redemption; `coupon`: issues a coupon of `coupon_template` and is fulfilled at once */
          type: 'product' | 'coupon' | 'service'
          /** @description Points for one */
          points_cost: number
          /** @description Cash the member also pays for one, in minor units (recorded, not charged) */
          cash_cost?: number
          stock?: number | null
          /** @description Tier keys whose members may redeem it; empty or left out: every tier */
          tiers?: string[]
          per_member_limit?: number | null
          /** @description Required for a `coupon` reward (and only there): a template of the program */
          coupon_template?: string
          description?: string | null
          image_url?: string | null
          /** @default true */
          active?: boolean
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Reward']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getReward: {
    parameters: {
      query?: {
        /** @description A member (`id` or `external_id`): adds each reward’s `eligibility` for it */
        member?: string
      }
      header?: never
      path: {
        /** @description `rwd_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Reward']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  updateReward: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `rwd_…` */
        id: string
      }
      cookie?: never
    }
    /** @description A reward’s type and coupon template never change; the rest may */
    requestBody: {
      content: {
        'application/json': {
          name?: string
          description?: string | null
          image_url?: string | null
          /** @description Points for one */
          points_cost?: number
          /** @description Cash the member also pays for one, in minor units (recorded, not charged) */
          cash_cost?: number
          stock?: number | null
          /** @description Tier keys whose members may redeem it; empty or left out: every tier */
          tiers?: string[]
          per_member_limit?: number | null
          active?: boolean
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Reward']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listMemberRewardRedemptions: {
    parameters: {
      query?: {
        status?: 'pending' | 'fulfilled' | 'cancelled'
        reward?: string
        /** @description `asc`: oldest first (a queue); `desc` (default): newest first */
        order?: 'asc' | 'desc'
        limit?: number
        cursor?: string
      }
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['RewardRedemption'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  redeemReward: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description mem_… id or external_id */
        member: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description The reward’s id */
          reward: string
          /** @default 1 */
          quantity?: number
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['RewardRedemption']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Well-formed, but the current state refuses it */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listRewardRedemptions: {
    parameters: {
      query?: {
        status?: 'pending' | 'fulfilled' | 'cancelled'
        /** @description A member’s `id` or `external_id` */
        member?: string
        reward?: string
        /** @description `asc`: oldest first (a queue); `desc` (default): newest first */
        order?: 'asc' | 'desc'
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['RewardRedemption'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getRewardRedemption: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `rdm_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['RewardRedemption']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  fulfillRewardRedemption: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `rdm_…` */
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description Kept on the redemption */
          note?: string
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['RewardRedemption']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  cancelRewardRedemption: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `rdm_…` */
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description Kept on the redemption */
          note?: string
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['RewardRedemption']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listPortalRewards: {
    parameters: {
      query?: {
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Reward'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listPortalRewardRedemptions: {
    parameters: {
      query?: {
        status?: 'pending' | 'fulfilled' | 'cancelled'
        reward?: string
        /** @description `asc`: oldest first (a queue); `desc` (default): newest first */
        order?: 'asc' | 'desc'
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['RewardRedemption'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  redeemPortalReward: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description The reward’s id */
          reward: string
          /** @default 1 */
          quantity?: number
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['RewardRedemption']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Well-formed, but the current state refuses it */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listJobs: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: {
              name: string
              schedule: string
            }[]
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listJobRuns: {
    parameters: {
      query?: {
        name?: string
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['JobRun'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getJobRun: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['JobRun']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  runJob: {
    parameters: {
      query?: never
      header?: never
      path: {
        name: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** Format: date-time */
          as_of?: string
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            processed: number
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listWebhooks: {
    parameters: {
      query?: {
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Webhook'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createWebhook: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `http` or `https`, without credentials. Link-local and cloud-metadata addresses are refused unless the program allows private targets (`webhook_private_targets`). */
          url: string
          events: (
            | '*'
            | 'advisor.assigned'
            | 'advisor.released'
            | 'appointment.booked'
            | 'appointment.cancelled'
            | 'benefit.returned'
            | 'benefit.used'
            | 'coupon.issued'
            | 'event.invited'
            | 'event.responded'
            | 'member.created'
            | 'points.adjusted'
            | 'points.earned'
            | 'points.expired'
            | 'points.redeemed'
            | 'points.returned'
            | 'points.reversed'
            | 'reward.redeemed'
            | 'reward.redemption_cancelled'
            | 'reward.redemption_fulfilled'
            | 'tier.changed'
            | 'tier.upgraded'
          )[]
          description?: string | null
          /** @default true */
          active?: boolean
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            /** @description `whk_…` */
            id: string
            /** @description `http` or `https`, without credentials. Link-local and cloud-metadata addresses are refused unless the program allows private targets (`webhook_private_targets`). */
            url: string
            events: (
              | '*'
              | 'advisor.assigned'
              | 'advisor.released'
              | 'appointment.booked'
              | 'appointment.cancelled'
              | 'benefit.returned'
              | 'benefit.used'
              | 'coupon.issued'
              | 'event.invited'
              | 'event.responded'
              | 'member.created'
              | 'points.adjusted'
              | 'points.earned'
              | 'points.expired'
              | 'points.redeemed'
              | 'points.returned'
              | 'points.reversed'
              | 'reward.redeemed'
              | 'reward.redemption_cancelled'
              | 'reward.redemption_fulfilled'
              | 'tier.changed'
              | 'tier.upgraded'
            )[]
            description: string | null
            /** @description An inactive webhook is sent nothing new */
            active: boolean
            /** Format: date-time */
            created_at: string
            /** Format: date-time */
            updated_at: string
            /** @description `whsec_…`: the HMAC-SHA256 key of `Loyalbase-Signature`. Shown here and when rolled, never again. */
            secret: string
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Conflict with the current state or an earlier request */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Well-formed, but the current state refuses it */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getWebhook: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `whk_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            /** @description `whk_…` */
            id: string
            /** @description `http` or `https`, without credentials. Link-local and cloud-metadata addresses are refused unless the program allows private targets (`webhook_private_targets`). */
            url: string
            events: (
              | '*'
              | 'advisor.assigned'
              | 'advisor.released'
              | 'appointment.booked'
              | 'appointment.cancelled'
              | 'benefit.returned'
              | 'benefit.used'
              | 'coupon.issued'
              | 'event.invited'
              | 'event.responded'
              | 'member.created'
              | 'points.adjusted'
              | 'points.earned'
              | 'points.expired'
              | 'points.redeemed'
              | 'points.returned'
              | 'points.reversed'
              | 'reward.redeemed'
              | 'reward.redemption_cancelled'
              | 'reward.redemption_fulfilled'
              | 'tier.changed'
              | 'tier.upgraded'
            )[]
            description: string | null
            /** @description An inactive webhook is sent nothing new */
            active: boolean
            /** Format: date-time */
            created_at: string
            /** Format: date-time */
            updated_at: string
            deliveries: {
              pending: number
              delivered: number
              failed: number
            }
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  deleteWebhook: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `whk_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  updateWebhook: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `whk_…` */
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `http` or `https`, without credentials. Link-local and cloud-metadata addresses are refused unless the program allows private targets (`webhook_private_targets`). */
          url?: string
          events?: (
            | '*'
            | 'advisor.assigned'
            | 'advisor.released'
            | 'appointment.booked'
            | 'appointment.cancelled'
            | 'benefit.returned'
            | 'benefit.used'
            | 'coupon.issued'
            | 'event.invited'
            | 'event.responded'
            | 'member.created'
            | 'points.adjusted'
            | 'points.earned'
            | 'points.expired'
            | 'points.redeemed'
            | 'points.returned'
            | 'points.reversed'
            | 'reward.redeemed'
            | 'reward.redemption_cancelled'
            | 'reward.redemption_fulfilled'
            | 'tier.changed'
            | 'tier.upgraded'
          )[]
          description?: string | null
          /** @description An inactive webhook is sent nothing new */
          active?: boolean
        }
      }
    }
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Webhook']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is larger than 1 MB (`payload_too_large`) */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  rollWebhookSecret: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `whk_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            /** @description `whk_…` */
            id: string
            /** @description `http` or `https`, without credentials. Link-local and cloud-metadata addresses are refused unless the program allows private targets (`webhook_private_targets`). */
            url: string
            events: (
              | '*'
              | 'advisor.assigned'
              | 'advisor.released'
              | 'appointment.booked'
              | 'appointment.cancelled'
              | 'benefit.returned'
              | 'benefit.used'
              | 'coupon.issued'
              | 'event.invited'
              | 'event.responded'
              | 'member.created'
              | 'points.adjusted'
              | 'points.earned'
              | 'points.expired'
              | 'points.redeemed'
              | 'points.returned'
              | 'points.reversed'
              | 'reward.redeemed'
              | 'reward.redemption_cancelled'
              | 'reward.redemption_fulfilled'
              | 'tier.changed'
              | 'tier.upgraded'
            )[]
            description: string | null
            /** @description An inactive webhook is sent nothing new */
            active: boolean
            /** Format: date-time */
            created_at: string
            /** Format: date-time */
            updated_at: string
            /** @description `whsec_…`: the HMAC-SHA256 key of `Loyalbase-Signature`. Shown here and when rolled, never again. */
            secret: string
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listWebhookDeliveries: {
    parameters: {
      query?: {
        /** @description `pending` (waiting for its first or next attempt), `delivered` (a `2xx` answer), `failed` (every attempt failed; a redelivery tries once more) */
        status?: 'pending' | 'delivered' | 'failed'
        event_type?: string
        limit?: number
        cursor?: string
      }
      header?: never
      path: {
        /** @description `whk_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['WebhookDelivery'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getWebhookDelivery: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `whk_…` */
        id: string
        /** @description `dlv_…` */
        delivery: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            /** @description `dlv_…` */
            id: string
            /** @description `whk_…` */
            webhook: string
            event: {
              /** @description `evt_…`: the same on every attempt, for de-duplication */
              id: string
              type: string
            }
            /** @description `pending` (waiting for its first or next attempt), `delivered` (a `2xx` answer), `failed` (every attempt failed; a redelivery tries once more) */
            status: 'pending' | 'delivered' | 'failed'
            /** @description Attempts made so far */
            attempts: number
            response_code: number | null
            error: string | null
            next_attempt_at: string | null
            last_attempt_at: string | null
            delivered_at: string | null
            /** Format: date-time */
            created_at: string
            /** @description What a delivery posts: one domain event */
            payload: {
              /** @description `evt_…`, stable across retries */
              id: string
              type: string
              /** Format: date-time */
              created_at: string
              data: {
                [key: string]: unknown
              }
            }
            attempt_log: {
              attempt: number
              /** Format: date-time */
              started_at: string
              duration_ms: number
              response_code: number | null
              response_body: string | null
              error: string | null
            }[]
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  redeliverWebhookDelivery: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `whk_…` */
        id: string
        /** @description `dlv_…` */
        delivery: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['WebhookDelivery']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listImports: {
    parameters: {
      query?: {
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: components['schemas']['Import'][]
            next_cursor: string | null
          }
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  startImport: {
    parameters: {
      query: {
        /** @description `members` (`external_id,name,phone,email,birthday,joined_at`) or `orders` (`id,member,amount,occurred_at,channel,sku,category,quantity`, optional `unit_price`) */
        kind: 'members' | 'orders'
        file_name?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    /** @description The CSV file */
    requestBody: {
      content: {
        'text/csv': string
      }
    }
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Import']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The upload is larger than 200 MB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The body is not JSON (`unsupported_media_type`) */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getImport: {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description `imp_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Import']
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listImportRejects: {
    parameters: {
      query?: {
        /** @description Every rejected record as `text/csv` */
        format?: 'csv'
        limit?: number
      }
      header?: never
      path: {
        /** @description `imp_…` */
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The rejected records (JSON), or all of them (CSV) */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            data: {
              /** @description The file’s line (the header is line 1) */
              line: number
              error: string
              /** @description The record as CSV text */
              record: string
            }[]
            /** @description Records rejected so far */
            total: number
          }
          'text/csv': string
        }
      }
      /** @description Bad input (`invalid_request`), with `errors` naming each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No key, or an unknown, revoked or expired one (`unauthorized`) */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key’s kind or role may not do this (`forbidden`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description No such resource in this program (`not_found`) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Too many requests (`rate_limited`); see `Retry-After` */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  webhook_member_created: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'member.created'
          /** Format: date-time */
          created_at: string
          /** @description A member joined the program. */
          data: {
            member: string
            external_id: string
            referred_by: string | null
            /** Format: date-time */
            joined_at: string
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_points_earned: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'points.earned'
          /** Format: date-time */
          created_at: string
          /** @description An order or a behaviour event paid points, by the rules named, or a campaign rewarded points. */
          data: {
            member: string
            points: number
            status: 'pending' | 'available'
            source: {
              kind: string
              id: string
            }
            rules: {
              rule: string
              points: number
            }[]
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_points_redeemed: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'points.redeemed'
          /** Format: date-time */
          created_at: string
          /** @description The member spent points. */
          data: {
            member: string
            points: number
            transaction: string
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_points_adjusted: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'points.adjusted'
          /** Format: date-time */
          created_at: string
          /** @description An operator added (positive) or took away (negative) points. */
          data: {
            member: string
            points: number
            transaction: string
            actor: string | null
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_points_expired: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'points.expired'
          /** Format: date-time */
          created_at: string
          /** @description Points reached their expiry and left the balance. */
          data: {
            member: string
            points: number
            lots: number
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_points_reversed: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'points.reversed'
          /** Format: date-time */
          created_at: string
          /** @description A refund took back points its order paid. */
          data: {
            member: string
            points: number
            source: {
              kind: string
              id: string
            }
            cause: {
              kind: string
              id: string
            }
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_points_returned: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'points.returned'
          /** Format: date-time */
          created_at: string
          /** @description A refund gave back points the member had paid its order with. */
          data: {
            member: string
            points: number
            transaction: string
            source: {
              kind: string
              id: string
            }
            cause: {
              kind: string
              id: string
            }
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_tier_changed: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'tier.changed'
          /** Format: date-time */
          created_at: string
          /** @description The member moved to another tier, up or down. */
          data: {
            member: string
            from: string
            to: string
            reason: 'upgrade' | 'downgrade' | 'override' | 'override_expired' | 'ladder_change'
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_tier_upgraded: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'tier.upgraded'
          /** Format: date-time */
          created_at: string
          /** @description The member moved to a higher tier (also a `tier.changed`). */
          data: {
            member: string
            from: string
            to: string
            reason: 'upgrade' | 'downgrade' | 'override' | 'override_expired' | 'ladder_change'
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_coupon_issued: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'coupon.issued'
          /** Format: date-time */
          created_at: string
          /** @description A coupon was issued to the member from a template (by the API, a campaign or a coupon reward), or the member claimed a bulk code. */
          data: {
            member: string
            coupon: string
            template: string
            /** @description As shown: `XXXX-XXXX-XXXX-XXXX` */
            code: string
            via: 'template' | 'code' | 'campaign' | 'reward'
            /** Format: date-time */
            starts_at: string
            /** Format: date-time */
            expires_at: string
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_reward_redeemed: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'reward.redeemed'
          /** Format: date-time */
          created_at: string
          /** @description The member redeemed a reward of the catalog with points. */
          data: {
            member: string
            redemption: string
            reward: string
            quantity: number
            points: number
            cash_cost: number
            status: 'pending' | 'fulfilled'
            transaction: string
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_reward_redemption_fulfilled: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'reward.redemption_fulfilled'
          /** Format: date-time */
          created_at: string
          /** @description An operator fulfilled a pending reward redemption. */
          data: {
            member: string
            redemption: string
            reward: string
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_reward_redemption_cancelled: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'reward.redemption_cancelled'
          /** Format: date-time */
          created_at: string
          /** @description A pending reward redemption was cancelled: its points and stock went back (`transaction` gave the points back). */
          data: {
            member: string
            redemption: string
            reward: string
            quantity: number
            points: number
            transaction: string
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_benefit_used: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'benefit.used'
          /** Format: date-time */
          created_at: string
          /** @description The member used benefits of its tier: one event for an order (every benefit it used), a booking or a use by hand. */
          data: {
            member: string
            reference: {
              /** @description `order`, `booking`, `manual` */
              kind: string
              id: string | null
            }
            uses: {
              /** @description The benefit’s key */
              benefit: string
              use: string
              /** @description What it was worth, minor units */
              amount: number
            }[]
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_benefit_returned: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'benefit.returned'
          /** Format: date-time */
          created_at: string
          /** @description A use of a benefit was given back (its order was fully refunded). */
          data: {
            member: string
            /** @description The benefit’s key */
            benefit: string
            use: string
            cause: {
              kind: string
              id: string
            }
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_appointment_booked: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'appointment.booked'
          /** Format: date-time */
          created_at: string
          /** @description The member booked a place in an appointment slot (in the portal or by staff). */
          data: {
            member: string
            appointment: string
            slot: string
            service: string
            /** Format: date-time */
            starts_at: string
            by: 'member' | 'staff'
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_appointment_cancelled: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'appointment.cancelled'
          /** Format: date-time */
          created_at: string
          /** @description A booking was cancelled and its place freed: by the member, by staff, or with its slot. */
          data: {
            member: string
            appointment: string
            slot: string
            by: 'member' | 'staff'
            slot_deleted: boolean
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_event_invited: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'event.invited'
          /** Format: date-time */
          created_at: string
          /** @description The member was invited to an exclusive event: at its creation, or on answering after reaching an eligible tier. */
          data: {
            member: string
            event: string
            via: 'creation' | 'rsvp'
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_event_responded: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'event.responded'
          /** Format: date-time */
          created_at: string
          /** @description The member answered an exclusive event’s invitation, or changed the answer. */
          data: {
            member: string
            event: string
            rsvp: 'yes' | 'no'
            previous: 'yes' | 'no' | null
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_advisor_assigned: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'advisor.assigned'
          /** Format: date-time */
          created_at: string
          /** @description The member was given a dedicated advisor: on reaching a tier with dedicated service, or when an advisor with room appeared (recorded by the database, 0022_releases_advisors.sql). */
          data: {
            member: string
            advisor: string
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
  webhook_advisor_released: {
    parameters: {
      query?: never
      header: {
        /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it against the raw body and refuse a stale `t`. */
        'Loyalbase-Signature': string
        /** @description The event’s `id`, the same on every retry: de-duplicate by it. */
        'Loyalbase-Event-Id': string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description `evt_…` */
          id: string
          /** @constant */
          type: 'advisor.released'
          /** Format: date-time */
          created_at: string
          /** @description The member no longer has this advisor: it left the tier, or the advisor was removed. */
          data: {
            member: string
            advisor: string
          }
        }
      }
    }
    responses: {
      /** @description Any 2xx answer marks the delivery delivered */
      200: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Anything else (or no answer in 10 s) is retried with backoff */
      default: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
    }
  }
}
