import { DEMO_TEA_NAMES, type DemoShopper, type DemoTea } from './demo-catalog.js'
import type { DemoRandom } from './demo-random.js'

/*
 * Who the demo's members are: Chinese names (with their pinyin, for e-mail addresses), mainland
 * mobile numbers, cities, birthdays for most, and what each one buys as. Pure: the random
 * stream comes in, people come out.
 */

type Named = readonly [hanzi: string, pinyin: string, weight: number]

const COMMON = 3
const FREQUENT = 2
const SURNAMES: readonly Named[] = [
  ...(
    [
      ['王', 'wang'],
      ['李', 'li'],
      ['张', 'zhang'],
      ['刘', 'liu'],
      ['陈', 'chen'],
      ['杨', 'yang'],
      ['黄', 'huang'],
      ['赵', 'zhao'],
      ['吴', 'wu'],
      ['周', 'zhou'],
    ] as const
  ).map(([h, p]) => [h, p, COMMON] as const),
  ...(
    [
      ['徐', 'xu'],
      ['孙', 'sun'],
      ['马', 'ma'],
      ['朱', 'zhu'],
      ['胡', 'hu'],
      ['郭', 'guo'],
      ['何', 'he'],
      ['林', 'lin'],
      ['罗', 'luo'],
      ['高', 'gao'],
      ['郑', 'zheng'],
      ['梁', 'liang'],
      ['谢', 'xie'],
      ['宋', 'song'],
      ['唐', 'tang'],
      ['韩', 'han'],
      ['冯', 'feng'],
      ['邓', 'deng'],
      ['曹', 'cao'],
      ['沈', 'shen'],
    ] as const
  ).map(([h, p]) => [h, p, FREQUENT] as const),
  ...(
    [
      ['彭', 'peng'],
      ['曾', 'zeng'],
      ['田', 'tian'],
      ['董', 'dong'],
      ['潘', 'pan'],
      ['袁', 'yuan'],
      ['蔡', 'cai'],
      ['蒋', 'jiang'],
      ['余', 'yu'],
      ['杜', 'du'],
      ['叶', 'ye'],
      ['程', 'cheng'],
      ['魏', 'wei'],
      ['苏', 'su'],
      ['丁', 'ding'],
      ['任', 'ren'],
      ['姚', 'yao'],
      ['钟', 'zhong'],
      ['陆', 'lu'],
      ['范', 'fan'],
      ['汪', 'wang'],
      ['金', 'jin'],
      ['夏', 'xia'],
      ['方', 'fang'],
      ['顾', 'gu'],
      ['钱', 'qian'],
      ['邵', 'shao'],
      ['欧阳', 'ouyang'],
    ] as const
  ).map(([h, p]) => [h, p, 1] as const),
]

const GIVEN_FEMALE: readonly (readonly [string, string])[] = [
  ['芳', 'fang'],
  ['静', 'jing'],
  ['敏', 'min'],
  ['婷', 'ting'],
  ['丽', 'li'],
  ['雪', 'xue'],
  ['琳', 'lin'],
  ['颖', 'ying'],
  ['倩', 'qian'],
  ['欣怡', 'xinyi'],
  ['梓涵', 'zihan'],
  ['雨桐', 'yutong'],
  ['诗琪', 'shiqi'],
  ['思雨', 'siyu'],
  ['佳怡', 'jiayi'],
  ['可馨', 'kexin'],
  ['一诺', 'yinuo'],
  ['晓雯', 'xiaowen'],
  ['雅婷', 'yating'],
  ['婉清', 'wanqing'],
  ['慧敏', 'huimin'],
  ['秀英', 'xiuying'],
  ['玉兰', 'yulan'],
  ['美玲', 'meiling'],
  ['若曦', 'ruoxi'],
  ['安琪', 'anqi'],
  ['梦瑶', 'mengyao'],
  ['晨曦', 'chenxi'],
]

const GIVEN_MALE: readonly (readonly [string, string])[] = [
  ['伟', 'wei'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['辉', 'hui'],
  ['鹏', 'peng'],
  ['浩然', 'haoran'],
  ['子轩', 'zixuan'],
  ['宇航', 'yuhang'],
  ['俊杰', 'junjie'],
  ['博文', 'bowen'],
  ['志强', 'zhiqiang'],
  ['建华', 'jianhua'],
  ['国栋', 'guodong'],
  ['晨阳', 'chenyang'],
  ['一鸣', 'yiming'],
  ['子墨', 'zimo'],
  ['思远', 'siyuan'],
  ['泽宇', 'zeyu'],
  ['海涛', 'haitao'],
  ['晓东', 'xiaodong'],
  ['家豪', 'jiahao'],
  ['明哲', 'mingzhe'],
]

const CITIES: readonly (readonly [string, number])[] = [
  ['杭州', 18],
  ['上海', 18],
  ['北京', 11],
  ['深圳', 9],
  ['苏州', 8],
  ['广州', 7],
  ['南京', 7],
  ['成都', 6],
  ['武汉', 5],
  ['西安', 4],
  ['厦门', 4],
  ['宁波', 3],
]

/** Mainland mobile prefixes of the three carriers. */
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '199',
]

export type DemoChannel = 'mini_program' | 'store' | 'app'

/** One member as the generator imagines it: what the API is told, and how it behaves. */
export interface DemoPerson {
  external_id: string
  name: string
  phone: string
  email: string | null
  gender: 'female' | 'male'
  city: string
  newsletter: boolean
  tea: DemoTea
  shopper: DemoShopper
  channel: DemoChannel
}

export function demoPeople(random: DemoRandom, count: number): DemoPerson[] {
  const phones = new Set<string>()
  const emails = new Set<string>()
  const people: DemoPerson[] = []
  for (let i = 1; i <= count; i++) {
    const [surname, surnamePinyin] = random.weighted(SURNAMES.map((s) => [s, s[2]] as const))
    const gender = random.chance(0.58) ? 'female' : 'male'
    const [given, givenPinyin] = random.pick(gender === 'female' ? GIVEN_FEMALE : GIVEN_MALE)
    let phone: string
    do {
      phone = `${random.pick(MOBILE_PREFIXES)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`
    } while (phones.has(phone))
    phones.add(phone)
    let email: string | null = null
    if (random.chance(0.45)) {
      do {
        email = `${givenPinyin}.${surnamePinyin}${random.int(1, 999)}@example.com`
      } while (emails.has(email))
      emails.add(email)
    }
    people.push({
      external_id: `demo-${String(i).padStart(4, '0')}`,
      name: surname + given,
      phone,
      email,
      gender,
      city: random.weighted(CITIES),
      // Consent to marketing messages: a third of members, as programs usually get.
      newsletter: random.chance(0.35),
      tea: random.pick(DEMO_TEA_NAMES),
      shopper: random.weighted([
        ['drinker', 72],
        ['gifter', 13],
        ['collector', 15],
      ] as const),
      channel: random.weighted([
        ['mini_program', 55],
        ['store', 30],
        ['app', 15],
      ] as const),
    })
  }
  return people
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A birthday: `YYYY-MM-DD` for most, `--MM-DD` for one in twelve who keep the year to
 * themselves. `soon` (a local date) puts it on that month and day; otherwise it falls on any
 * day of the year. Ages 19 to 68, most in their thirties.
 */
export function demoBirthday(random: DemoRandom, today: string, soon?: string): string {
  let month: number
  let day: number
  if (soon) {
    month = Number(soon.slice(5, 7))
    day = Number(soon.slice(8, 10))
  } else {
    month = random.int(1, 12)
    day = random.int(1, DAYS_IN_MONTH[month - 1] as number)
  }
  const age = Math.min(68, Math.max(19, Math.round(35 + random.normal() * 9)))
  let year = Number(today.slice(0, 4)) - age
  // A 29 February birthday needs a leap year.
  if (month === 2 && day === 29) year -= year % 4
  if (random.chance(1 / 12)) return `--${pad(month)}-${pad(day)}`
  return `${year}-${pad(month)}-${pad(day)}`
}
