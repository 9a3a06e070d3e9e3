import type { DemoRandom } from './demo-random.js'

/*
 * What the demo shop sells: a tea and lifestyle store (茶叶, 茶具, 礼盒, 零食, 生活), prices in
 * fen, and how a member fills a basket — mostly tea for themselves, gift boxes for the few who
 * buy for others, cups and pots for the collectors.
 */

export type DemoCategory = '茶叶' | '茶具' | '礼盒' | '零食' | '生活'

export interface DemoProduct {
  sku: string
  name: string
  category: DemoCategory
  unit_price: number
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { sku: 'TEA-LJ-MQ100', name: '西湖龙井·明前特级 100g', category: '茶叶', unit_price: 36800 },
  { sku: 'TEA-LJ-YQ250', name: '西湖龙井·雨前一级 250g', category: '茶叶', unit_price: 26800 },
  { sku: 'TEA-BLC-100', name: '洞庭碧螺春 100g', category: '茶叶', unit_price: 15800 },
  { sku: 'TEA-TGY-250', name: '安溪铁观音·清香型 250g', category: '茶叶', unit_price: 12800 },
  { sku: 'TEA-DHP-125', name: '武夷大红袍 125g', category: '茶叶', unit_price: 19800 },
  { sku: 'TEA-JJM-100', name: '金骏眉红茶 100g', category: '茶叶', unit_price: 29800 },
  { sku: 'TEA-PE-SHU357', name: '云南普洱熟茶饼 357g', category: '茶叶', unit_price: 25800 },
  { sku: 'TEA-PE-SHENG357', name: '易武普洱生茶饼 357g', category: '茶叶', unit_price: 46800 },
  { sku: 'TEA-BC-SM200', name: '福鼎白茶·寿眉 200g', category: '茶叶', unit_price: 15800 },
  { sku: 'TEA-BC-YZ50', name: '白毫银针 50g', category: '茶叶', unit_price: 32800 },
  { sku: 'TEA-MLH-100', name: '茉莉花茶·银毫 100g', category: '茶叶', unit_price: 6800 },
  { sku: 'TEA-LP-20', name: '冷泡茶组合装 20袋', category: '茶叶', unit_price: 4900 },
  { sku: 'WARE-GW-01', name: '景德镇白瓷盖碗', category: '茶具', unit_price: 12800 },
  { sku: 'WARE-ZSH-01', name: '宜兴紫砂壶·西施', category: '茶具', unit_price: 68000 },
  { sku: 'WARE-GDB-01', name: '玻璃公道杯', category: '茶具', unit_price: 4500 },
  { sku: 'WARE-PMB-06', name: '青瓷品茗杯·六只装', category: '茶具', unit_price: 16800 },
  { sku: 'WARE-CP-01', name: '竹制干泡茶盘', category: '茶具', unit_price: 29800 },
  { sku: 'WARE-KKB-01', name: '便携快客杯', category: '茶具', unit_price: 8900 },
  { sku: 'GIFT-LJ-02', name: '明前龙井礼盒 2×100g', category: '礼盒', unit_price: 78800 },
  { sku: 'GIFT-DHP-02', name: '新春茶礼·大红袍双罐', category: '礼盒', unit_price: 58800 },
  { sku: 'GIFT-ZQ-01', name: '中秋茶礼·白茶配月饼', category: '礼盒', unit_price: 39800 },
  { sku: 'GIFT-SW-01', name: '商务茶具礼盒', category: '礼盒', unit_price: 88800 },
  { sku: 'SNACK-MCQQ', name: '抹茶曲奇', category: '零食', unit_price: 3900 },
  { sku: 'SNACK-GHG', name: '桂花糕', category: '零食', unit_price: 3200 },
  { sku: 'SNACK-JG', name: '每日坚果礼罐', category: '零食', unit_price: 8800 },
  { sku: 'SNACK-CPM', name: '陈皮梅', category: '零食', unit_price: 2600 },
  { sku: 'LIFE-XX-01', name: '沉香线香', category: '生活', unit_price: 9800 },
  { sku: 'LIFE-CX-01', name: '棉麻茶席', category: '生活', unit_price: 5900 },
]

/** The teas members say they like (attributes.favourite_tea), and the SKUs of each. */
export const DEMO_TEAS = {
  绿茶: ['TEA-LJ-MQ100', 'TEA-LJ-YQ250', 'TEA-BLC-100'],
  乌龙: ['TEA-TGY-250', 'TEA-DHP-125'],
  红茶: ['TEA-JJM-100'],
  普洱: ['TEA-PE-SHU357', 'TEA-PE-SHENG357'],
  白茶: ['TEA-BC-SM200', 'TEA-BC-YZ50'],
  花茶: ['TEA-MLH-100', 'TEA-LP-20'],
} as const satisfies Record<string, readonly string[]>

export type DemoTea = keyof typeof DEMO_TEAS
export const DEMO_TEA_NAMES = Object.keys(DEMO_TEAS) as DemoTea[]

/** Who the member buys as: for themselves, gifts for others, or teaware for a collection. */
export type DemoShopper = 'drinker' | 'gifter' | 'collector'

/** Orders under ¥99 pay ¥10 shipping (满99包邮). */
export const FREE_SHIPPING_FROM = 9900
export const SHIPPING_FEE = 1000

export interface DemoItem {
  sku: string
  name: string
  category: string
  quantity: number
  unit_price: number
}

const BY_SKU = new Map(DEMO_PRODUCTS.map((p) => [p.sku, p]))
const IN_CATEGORY = (category: DemoCategory) => DEMO_PRODUCTS.filter((p) => p.category === category)

export function demoProduct(sku: string): DemoProduct {
  const product = BY_SKU.get(sku)
  if (!product) throw new Error(`no demo product ${sku}`)
  return product
}

const CATEGORY_WEIGHTS: Record<DemoShopper, readonly (readonly [DemoCategory, number])[]> = {
  drinker: [
    ['茶叶', 62],
    ['零食', 16],
    ['茶具', 10],
    ['生活', 7],
    ['礼盒', 5],
  ],
  gifter: [
    ['礼盒', 55],
    ['茶叶', 25],
    ['零食', 10],
    ['茶具', 6],
    ['生活', 4],
  ],
  collector: [
    ['茶具', 48],
    ['茶叶', 34],
    ['生活', 10],
    ['礼盒', 4],
    ['零食', 4],
  ],
}

function line(random: DemoRandom, shopper: DemoShopper, tea: DemoTea): DemoItem {
  const category = random.weighted(CATEGORY_WEIGHTS[shopper])
  const product =
    category === '茶叶' && random.chance(0.7)
      ? demoProduct(random.pick(DEMO_TEAS[tea]))
      : random.pick(IN_CATEGORY(category))
  const quantity =
    category === '礼盒' && shopper === 'gifter'
      ? random.weighted([
          [1, 55],
          [2, 25],
          [3, 10],
          [5, 7],
          [10, 3],
        ] as const)
      : category === '零食'
        ? random.int(1, 3)
        : random.chance(0.15)
          ? 2
          : 1
  return { ...product, quantity }
}

/**
 * A basket of one to three lines (the same product twice is one line), at least `minimum`
 * (fen) when asked — a member using a threshold coupon fills the basket up to it — and with
 * an item of `needs` when asked.
 */
export function demoBasket(
  random: DemoRandom,
  shopper: DemoShopper,
  tea: DemoTea,
  options: { minimum?: number; needs?: DemoCategory } = {},
): DemoItem[] {
  const count = random.weighted([
    [1, 60],
    [2, 28],
    [3, 12],
  ] as const)
  const items: DemoItem[] = []
  const add = (item: DemoItem) => {
    const same = items.find((i) => i.sku === item.sku)
    if (same) same.quantity += item.quantity
    else items.push(item)
  }
  if (options.needs) add({ ...random.pick(IN_CATEGORY(options.needs)), quantity: 1 })
  while (items.length < count) add(line(random, shopper, tea))
  while (demoSubtotal(items) < (options.minimum ?? 0)) add(line(random, shopper, tea))
  return items
}

export function demoSubtotal(items: readonly DemoItem[]): number {
  return items.reduce((sum, item) => sum + item.quantity * item.unit_price, 0)
}
