import type { ApiClient } from '../../../../api/client'
import { type CouponTemplate, getCouponTemplate } from '../../../../api/coupons'
import { useQuery } from '../../../../api/use-query'

/** The templates of some coupons, by id (each fetched once per set of ids). */
export function useTemplates(api: ApiClient, ids: readonly string[]): Map<string, CouponTemplate> {
  const unique = [...new Set(ids)].sort()
  const templates = useQuery(
    unique.length > 0 ? `coupon-templates:${unique.join(',')}` : null,
    (signal) => Promise.all(unique.map((id) => getCouponTemplate(api, id, signal))),
  )
  return new Map((templates.data ?? []).map((template) => [template.id, template]))
}
