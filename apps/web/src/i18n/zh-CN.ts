import { accessZhCN } from './zh-CN.access'
import { benefitsZhCN } from './zh-CN.benefits'
import { campaignsZhCN } from './zh-CN.campaigns'
import { couponsZhCN } from './zh-CN.coupons'
import { errorsZhCN } from './zh-CN.errors'
import { importsZhCN } from './zh-CN.imports'
import { pointsZhCN } from './zh-CN.points'
import { rewardsZhCN } from './zh-CN.rewards'
import { rulesZhCN } from './zh-CN.rules'
import { segmentsZhCN } from './zh-CN.segments'
import { servicesZhCN } from './zh-CN.services'
import { tiersZhCN } from './zh-CN.tiers'
import { webhooksZhCN } from './zh-CN.webhooks'

/**
 * Chinese (default) messages. `en.ts` must have exactly the same keys (checked by the type).
 * Larger sections live in files of their own (`zh-CN.<section>.ts`, mirrored by `en.*`).
 */
export const zhCN = {
  common: {
    appName: 'Loyalbase',
    loading: '加载中…',
    retry: '重试',
    empty: '—',
    yes: '是',
    no: '否',
  },
  language: {
    switchTo: 'English',
    switchLabel: '切换语言',
  },
  ...errorsZhCN,
  admin: {
    title: '会员管理后台',
    signOut: '退出登录',
    nav: {
      members: '会员',
      segments: '人群',
      points: '积分',
      rules: '积分规则',
      tiers: '等级',
      coupons: '优惠券',
      campaigns: '营销活动',
      benefits: '会员权益',
      rewards: '积分商城',
      analytics: '数据分析',
      imports: '数据导入',
      webhooks: 'Webhook 推送',
      settings: '设置',
    },
    comingSoon: {
      title: '{{section}} · 即将推出',
      subtitle: '此功能正在开发中，敬请期待。',
    },
    notFound: {
      title: '页面不存在',
      subtitle: '您访问的页面不存在或已被移动。',
      back: '返回会员列表',
    },
  },
  signIn: {
    title: '登录管理后台',
    subtitle: '粘贴项目密钥以进入会员管理后台。',
    keyLabel: '项目密钥',
    keyPlaceholder: 'lb_sk_…',
    submit: '登录',
    required: '请输入项目密钥',
    rejected: '密钥无效或没有访问权限',
    hint: '密钥只保存在当前浏览器中，退出登录即清除。',
  },
  members: {
    title: '会员',
    searchPlaceholder: '搜索外部 ID、姓名、手机号或邮箱',
    allTiers: '全部等级',
    columns: {
      externalId: '外部 ID',
      name: '姓名',
      phone: '手机号',
      tier: '等级',
      points: '可用积分',
      joinedAt: '入会时间',
    },
    previous: '上一页',
    next: '下一页',
    page: '第 {{page}} 页',
    empty: '没有找到会员',
  },
  memberDetail: {
    title: '会员详情',
    back: '返回会员列表',
    openPortal: '以此会员身份打开会员端',
    popupBlocked: '浏览器拦截了新窗口，请点击此链接打开会员端',
    fields: {
      id: '会员 ID',
      externalId: '外部 ID',
      name: '姓名',
      phone: '手机号',
      email: '邮箱',
      birthday: '生日',
      status: '状态',
      joinedAt: '入会时间',
      referralCode: '推荐码',
      tier: '等级',
      tierSince: '自 {{date}} 起',
      pointsAvailable: '可用积分',
      pointsPending: '待生效积分',
      growth: '成长值',
      lifetimeSpend: '累计消费',
      ordersCount: '订单数',
      attributes: '自定义属性',
    },
    status: {
      active: '正常',
      inactive: '未激活',
      blocked: '已冻结',
    },
  },
  settings: {
    title: '设置',
    program: '项目信息',
    readonly: '只读',
    id: '项目 ID',
    name: '名称',
    currency: '币种',
    timezone: '时区',
    locale: '默认语言',
    createdAt: '创建时间',
    pointsPolicy: '积分政策',
    expiry: '积分有效期',
    expiryNone: '永久有效',
    expiryRolling: '获得后 {{months}} 个月过期',
    expiryAnnual: '获得当年起第 {{years}} 年年底过期',
    pendingDays: '待生效期',
    pendingDaysValue: '{{days}} 天',
    redeemRate: '抵现比例',
    redeemRateValue: '{{points}} 积分 = {{amount}}',
    maxRedeemPercent: '最高抵扣比例',
    allowNegative: '允许负余额',
  },
  analytics: {
    tierDistribution: '等级分布',
    membersSeries: '会员数',
  },
  portal: {
    title: '会员中心',
    noSession: {
      title: '请从商家应用进入',
      subtitle: '会员中心需要在商家的 App 或网站登录后打开。',
    },
    expired: {
      title: '会话已过期',
      subtitle: '为了您的账户安全，请返回商家应用重新进入会员中心。',
    },
    card: {
      member: '会员',
      pointsAvailable: '可用积分',
      pointsPending: '待生效积分',
      growth: '成长值',
      memberNo: '会员号',
    },
  },
  ...pointsZhCN,
  ...rulesZhCN,
  ...tiersZhCN,
  ...couponsZhCN,
  ...servicesZhCN,
  ...segmentsZhCN,
  ...accessZhCN,
  ...campaignsZhCN,
  ...benefitsZhCN,
  ...rewardsZhCN,
  ...webhooksZhCN,
  ...importsZhCN,
}

export type Messages = typeof zhCN
