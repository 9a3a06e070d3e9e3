import {
  type AudiencePreview,
  type CampaignTrigger,
  previewCampaignAudience,
} from '../../../api/campaigns'
import type { ApiClient } from '../../../api/client'
import { useQuery } from '../../../api/use-query'
import { useDebounced } from '../../../components/use-debounced'

const PREVIEW_DEBOUNCE_MS = 400

export interface AudienceState {
  /** The answer for the trigger on screen, or for the previous one while this one loads. */
  preview: AudiencePreview | undefined
  /** True while the trigger changes or its count is on its way. */
  loading: boolean
  error: unknown
  /** No trigger to preview yet (incomplete or out of bounds). */
  waiting: boolean
}

/**
 * The audience of the trigger being built (`POST /v1/campaigns/preview`), asked once the
 * trigger has stopped changing for a moment; answers for older triggers are dropped.
 */
export function useAudiencePreview(api: ApiClient, trigger: CampaignTrigger | null): AudienceState {
  const key = trigger ? JSON.stringify(trigger) : null
  const settled = useDebounced(key, PREVIEW_DEBOUNCE_MS)
  const query = useQuery(settled === null ? null : `campaign-audience:${settled}`, (signal) =>
    previewCampaignAudience(api, JSON.parse(settled ?? 'null') as CampaignTrigger, signal),
  )
  return {
    preview: key === null ? undefined : query.data,
    loading: key !== null && (settled !== key || query.loading),
    error: key === null ? undefined : query.error,
    waiting: key === null,
  }
}
