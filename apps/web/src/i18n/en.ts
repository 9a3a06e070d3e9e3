import { accessEn } from './en.access'
import { benefitsEn } from './en.benefits'
import { campaignsEn } from './en.campaigns'
import { couponsEn } from './en.coupons'
import { errorsEn } from './en.errors'
import { importsEn } from './en.imports'
import { pointsEn } from './en.points'
import { rewardsEn } from './en.rewards'
import { rulesEn } from './en.rules'
import { segmentsEn } from './en.segments'
import { servicesEn } from './en.services'
import { tiersEn } from './en.tiers'
import { webhooksEn } from './en.webhooks'
import type { Messages } from './zh-CN'

export const en: Messages = {
  common: {
    appName: 'Loyalbase',
    loading: 'Loading…',
    retry: 'Retry',
    empty: '—',
    yes: 'Yes',
    no: 'No',
  },
  language: {
    switchTo: '中文',
    switchLabel: 'Switch language',
  },
  ...errorsEn,
  admin: {
    title: 'Loyalbase Admin',
    signOut: 'Sign out',
    nav: {
      members: 'Members',
      segments: 'Segments',
      points: 'Points',
      rules: 'Earning rules',
      tiers: 'Tiers',
      coupons: 'Coupons',
      campaigns: 'Campaigns',
      benefits: 'Benefits',
      rewards: 'Rewards',
      analytics: 'Analytics',
      imports: 'Import',
      webhooks: 'Webhooks',
      settings: 'Settings',
    },
    comingSoon: {
      title: '{{section}} · Coming soon',
      subtitle: 'This section is being built. Stay tuned.',
    },
    notFound: {
      title: 'Page not found',
      subtitle: 'The page you are looking for does not exist or has moved.',
      back: 'Back to members',
    },
  },
  signIn: {
    title: 'Sign in to the console',
    subtitle: 'Paste a program key to open the admin console.',
    keyLabel: 'Program key',
    keyPlaceholder: 'lb_sk_…',
    submit: 'Sign in',
    required: 'Please enter a program key',
    rejected: 'This key is invalid or has no access',
    hint: 'The key is kept in this browser only and cleared when you sign out.',
  },
  members: {
    title: 'Members',
    searchPlaceholder: 'Search by external ID, name, phone or email',
    allTiers: 'All tiers',
    columns: {
      externalId: 'External ID',
      name: 'Name',
      phone: 'Phone',
      tier: 'Tier',
      points: 'Points available',
      joinedAt: 'Joined',
    },
    previous: 'Previous page',
    next: 'Next page',
    page: 'Page {{page}}',
    empty: 'No members found',
  },
  memberDetail: {
    title: 'Member details',
    back: 'Back to members',
    openPortal: 'Open portal as this member',
    popupBlocked: 'The browser blocked the new window. Click here to open the portal',
    fields: {
      id: 'Member ID',
      externalId: 'External ID',
      name: 'Name',
      phone: 'Phone',
      email: 'Email',
      birthday: 'Birthday',
      status: 'Status',
      joinedAt: 'Joined',
      referralCode: 'Referral code',
      tier: 'Tier',
      tierSince: 'since {{date}}',
      pointsAvailable: 'Points available',
      pointsPending: 'Points pending',
      growth: 'Growth value',
      lifetimeSpend: 'Lifetime spend',
      ordersCount: 'Orders',
      attributes: 'Attributes',
    },
    status: {
      active: 'Active',
      inactive: 'Inactive',
      blocked: 'Blocked',
    },
  },
  settings: {
    title: 'Settings',
    program: 'Program',
    readonly: 'Read-only',
    id: 'Program ID',
    name: 'Name',
    currency: 'Currency',
    timezone: 'Time zone',
    locale: 'Default language',
    createdAt: 'Created',
    pointsPolicy: 'Points policy',
    expiry: 'Points expiry',
    expiryNone: 'Never expire',
    expiryRolling: 'Expire {{months}} months after earning',
    expiryAnnual: 'Expire at the end of the year {{years}} after earning',
    pendingDays: 'Pending period',
    pendingDaysValue: '{{days}} days',
    redeemRate: 'Redemption rate',
    redeemRateValue: '{{points}} points = {{amount}}',
    maxRedeemPercent: 'Max share paid with points',
    allowNegative: 'Allow negative balance',
  },
  analytics: {
    tierDistribution: 'Tier distribution',
    membersSeries: 'Members',
  },
  portal: {
    title: 'Member centre',
    noSession: {
      title: "Please open this from the merchant's app",
      subtitle: "The member centre opens after you sign in on the merchant's app or website.",
    },
    expired: {
      title: 'Session expired',
      subtitle:
        "For your security, go back to the merchant's app and open the member centre again.",
    },
    card: {
      member: 'Member',
      pointsAvailable: 'Points available',
      pointsPending: 'Pending points',
      growth: 'Growth value',
      memberNo: 'Member no.',
    },
  },
  ...pointsEn,
  ...rulesEn,
  ...tiersEn,
  ...couponsEn,
  ...servicesEn,
  ...segmentsEn,
  ...accessEn,
  ...campaignsEn,
  ...benefitsEn,
  ...rewardsEn,
  ...webhooksEn,
  ...importsEn,
}
