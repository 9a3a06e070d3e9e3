import { Skeleton } from 'antd'
import { type ReactNode, useEffect, useMemo, useState } from 'react'
import { ApiError, createApiClient } from '../../api/client'
import { getPortalMe, getPortalTier } from '../../api/portal'
import { useQuery } from '../../api/use-query'
import { ErrorAlert } from '../../components/ErrorAlert'
import { applySuggestedLocale } from '../../i18n'
import { clearPortalToken, takePortalTokenFromUrl } from '../../session/portal-token'
import { MemberCard } from './MemberCard'
import { PortalAdvisor } from './PortalAdvisor'
import { PortalAppointments } from './PortalAppointments'
import { PortalBenefits } from './PortalBenefits'
import { PortalCoupons } from './PortalCoupons'
import { PortalInvitations } from './PortalInvitations'
import { PortalMessage } from './PortalMessage'
import { PortalPoints } from './PortalPoints'
import { PortalPointsCash } from './PortalPointsCash'
import { PortalReleases } from './PortalReleases'
import { PortalRewards } from './PortalRewards'
import { PortalShell } from './PortalShell'
import { PortalTier } from './PortalTier'

/** Everything under `/portal`: the member's own view, reached through a session link. */
export default function PortalPage() {
  // Read once, before anything else renders, so the token leaves the address bar at once.
  const [session] = useState(takePortalTokenFromUrl)
  const token = session.token
  const api = useMemo(() => createApiClient({ getToken: () => token }), [token])
  const me = useQuery(token ? `portal:me:${token}` : null, (signal) => getPortalMe(api, signal))
  // The tier colours the card once it arrives; until then (or if it fails) the card stays plain.
  const tier = useQuery(me.data ? `portal:tier:${token}` : null, (signal) =>
    getPortalTier(api, signal),
  )
  const expired = me.error instanceof ApiError && me.error.status === 401
  // Each redemption: the card's balance is read again, and the coupons a reward issued appear.
  const [redemptions, setRedemptions] = useState(0)

  // The link may carry a language; otherwise the program's default applies. An explicit
  // choice made with the switcher wins over both.
  const programLocale = me.data?.program.locale ?? null
  useEffect(() => {
    applySuggestedLocale(session.locale ?? programLocale)
  }, [session.locale, programLocale])

  useEffect(() => {
    if (expired) clearPortalToken()
  }, [expired])

  let body: ReactNode
  if (!token) body = <PortalMessage kind="no-session" />
  else if (expired) body = <PortalMessage kind="expired" />
  else if (me.error) body = <ErrorAlert error={me.error} onRetry={me.reload} />
  else if (me.data)
    body = (
      <>
        <MemberCard member={me.data.member} program={me.data.program} tier={tier.data} />
        {token ? <PortalAdvisor api={api} token={token} /> : null}
        <PortalPointsCash points={me.data.member.points.available} program={me.data.program} />
        {tier.data ? (
          <PortalTier
            status={tier.data}
            currency={me.data.program.currency}
            timeZone={me.data.program.timezone}
          />
        ) : null}
        {token ? (
          <PortalReleases api={api} token={token} timeZone={me.data.program.timezone} />
        ) : null}
        <PortalBenefits
          api={api}
          currency={me.data.program.currency}
          timeZone={me.data.program.timezone}
        />
        <PortalRewards
          api={api}
          currency={me.data.program.currency}
          timeZone={me.data.program.timezone}
          onRedeemed={() => {
            me.reload()
            setRedemptions((n) => n + 1)
          }}
        />
        <PortalCoupons
          key={redemptions}
          api={api}
          currency={me.data.program.currency}
          timeZone={me.data.program.timezone}
        />
        <PortalAppointments api={api} timeZone={me.data.program.timezone} />
        <PortalInvitations api={api} timeZone={me.data.program.timezone} />
        <PortalPoints api={api} timeZone={me.data.program.timezone} />
      </>
    )
  else body = <Skeleton active paragraph={{ rows: 5 }} />

  return <PortalShell>{body}</PortalShell>
}
