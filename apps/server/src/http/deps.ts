import type { Services } from '@loyalbase/core'

/** What every routes plugin is registered with. */
export interface AppDeps {
  services: Services
}
