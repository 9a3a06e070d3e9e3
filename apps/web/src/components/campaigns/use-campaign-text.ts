import { useMemo } from 'react'
import type { Campaign, CampaignReward, CampaignTrigger } from '../../api/campaigns'
import { useTranslate } from '../../i18n/use-error-message'
import { useFormat } from '../../i18n/use-format'
import {
  budgetPercent,
  type CampaignTextContext,
  campaignStatus,
  describeBudget,
  describeReward,
  describeTrigger,
  formatSignedMoney,
} from './campaign-text'

export interface CampaignNames {
  segmentName?: (id: string) => string | undefined
  tierName?: (key: string) => string | undefined
  templateName?: (id: string) => string | undefined
}

/** A campaign's terms in words, in the UI's language, money in `currency`. */
export function useCampaignText(currency: string, timeZone?: string, names: CampaignNames = {}) {
  const t = useTranslate()
  const format = useFormat(timeZone)
  const { segmentName, tierName, templateName } = names
  return useMemo(() => {
    const ctx: CampaignTextContext = {
      t,
      locale: format.locale,
      currency,
      timeZone,
      segmentName,
      tierName,
      templateName,
    }
    return {
      format,
      trigger: (trigger: CampaignTrigger) => describeTrigger(trigger, ctx),
      reward: (reward: CampaignReward) => describeReward(reward, ctx),
      budget: (campaign: Pick<Campaign, 'budget' | 'used'>) => describeBudget(campaign, ctx),
      budgetPercent,
      status: campaignStatus,
      holdout: (percent: number) =>
        t('campaigns.holdoutValue', { percent: format.number(percent) }),
      money: (minor: number) => format.money(minor, currency),
      moneyShort: (minor: number) => format.moneyShort(minor, currency),
      signedMoney: (minor: number) => formatSignedMoney(minor, currency, format.locale),
    }
  }, [t, format, currency, timeZone, segmentName, tierName, templateName])
}
