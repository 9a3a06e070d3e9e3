import { useFormat } from '../i18n/use-format'

export interface MoneyProps {
  /** Integer minor units, as the API sends them (12900 = ¥129.00). */
  amount: number
  /** ISO 4217 code of the program's currency. */
  currency: string
}

export function Money({ amount, currency }: MoneyProps) {
  const format = useFormat()
  return <span className="lb-money">{format.money(amount, currency)}</span>
}
