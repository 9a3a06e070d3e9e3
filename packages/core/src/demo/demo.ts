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
