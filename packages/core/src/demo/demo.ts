/** Deterministic demo data: the same seed gives the same members on every machine. */

export function seededRandom(seed: number): () => number {
  // mulberry32: small, fast and good enough for demo data.
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
]
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '晨',
  '欣怡',
  '子轩',
  '梓涵',
  '浩然',
  '雨桐',
]
const CITIES = ['上海', '北京', '深圳', '杭州', '成都', '广州', '南京', '武汉']

export interface DemoMember {
  external_id: string
  name: string
  phone: string
  email: string
  birthday: string
  joined_at: string
  attributes: Record<string, unknown>
}

const DAY_MS = 24 * 60 * 60 * 1000

export function demoMembers(count: number, now: Date, seed = 20261126): DemoMember[] {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const members: DemoMember[] = []
  for (let i = 1; i <= count; i++) {
    const name = pick(SURNAMES) + pick(GIVEN)
    const phone = `1${pick(['38', '39', '58', '86', '35', '77'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`
    const year = 1965 + Math.floor(random() * 40)
    const month = 1 + Math.floor(random() * 12)
    const day = 1 + Math.floor(random() * 28)
    const joined = new Date(now.getTime() - Math.floor(random() * 365) * DAY_MS)
    members.push({
      external_id: `demo-${String(i).padStart(4, '0')}`,
      name,
      phone,
      email: `member${i}@example.com`,
      birthday: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      joined_at: joined.toISOString(),
      attributes: { city: pick(CITIES), newsletter: random() < 0.6 },
    })
  }
  return members
}

const CATALOG = [
  { sku: 'SH-RUN-01', name: '轻跑跑鞋', category: 'shoes', unit_price: 59900 },
  { sku: 'SH-CAS-02', name: '帆布休闲鞋', category: 'shoes', unit_price: 29900 },
  { sku: 'AP-TEE-01', name: '纯棉T恤', category: 'apparel', unit_price: 9900 },
  { sku: 'AP-JKT-02', name: '防风外套', category: 'apparel', unit_price: 39900 },
  { sku: 'AC-BAG-01', name: '双肩包', category: 'accessories', unit_price: 19900 },
  { sku: 'AC-CAP-02', name: '棒球帽', category: 'accessories', unit_price: 7900 },
  { sku: 'BE-SUN-01', name: '防晒霜', category: 'beauty', unit_price: 12900 },
] as const

export interface DemoOrder {
  id: string
  member: string
  amount: number
  occurred_at: string
  channel: string
  items: { sku: string; name: string; category: string; quantity: number; unit_price: number }[]
}

export interface DemoActivity {
  orders: DemoOrder[]
  reviews: {
    id: string
    type: 'review.posted'
    member: string
    occurred_at: string
    properties: { order: string; rating: number }
  }[]
  refunds: { order: string; id: string; amount: number }[]
}

/**
 * Orders over each member's time with us: most buy a few times, some once, a few often; about
 * a third of orders get a review, one in twenty is partly refunded. Deterministic by seed.
 */
export function demoActivity(
  members: readonly { external_id: string; joined_at: string }[],
  now: Date,
  seed = 20261127,
): DemoActivity {
  const random = seededRandom(seed)
  const activity: DemoActivity = { orders: [], reviews: [], refunds: [] }
  let sequence = 0
  for (const member of members) {
    const roll = random()
    const count =
      roll < 0.2
        ? 0
        : roll < 0.45
          ? 1
          : roll < 0.9
            ? 2 + Math.floor(random() * 4)
            : 8 + Math.floor(random() * 5)
    const joined = new Date(member.joined_at).getTime()
    const span = Math.max(now.getTime() - joined - DAY_MS, DAY_MS)
    const dates = Array.from({ length: count }, () => joined + Math.floor(random() * span)).sort(
      (a, b) => a - b,
    )
    for (const at of dates) {
      sequence++
      const items = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const product = CATALOG[Math.floor(random() * CATALOG.length)] as (typeof CATALOG)[number]
        return { ...product, quantity: 1 + Math.floor(random() * 2) }
      })
      const amount = items.reduce((sum, item) => sum + item.quantity * item.unit_price, 0)
      const id = `DEMO-${String(sequence).padStart(5, '0')}`
      const occurred_at = new Date(at).toISOString()
      activity.orders.push({
        id,
        member: member.external_id,
        amount,
        occurred_at,
        channel: random() < 0.6 ? 'app' : 'store',
        items,
      })
      if (random() < 0.33) {
        activity.reviews.push({
          id: `REVIEW-${id}`,
          type: 'review.posted',
          member: member.external_id,
          occurred_at: new Date(
            at + 3 * DAY_MS < now.getTime() ? at + 3 * DAY_MS : at,
          ).toISOString(),
          properties: { order: id, rating: 3 + Math.floor(random() * 3) },
        })
      }
      if (random() < 0.05)
        activity.refunds.push({ order: id, id: `REFUND-${id}`, amount: Math.floor(amount / 2) })
    }
  }
  return activity
}
