import { App } from 'antd'
import { useState } from 'react'
import { useErrorToast } from './ApiProblem'

/**
 * A list's on/off switch per row: the switch shows the asked state while the request runs, the
 * server's answer replaces the row (`patched`), a message says what happened, a failure toasts.
 */
export function useActiveToggle<Row extends { id: string; name: string }>(
  update: (id: string, active: boolean) => Promise<Row>,
  said: (active: boolean, name: string) => string,
) {
  const { message } = App.useApp()
  const toastError = useErrorToast()
  const [toggling, setToggling] = useState<Record<string, boolean>>({})
  const [patched, setPatched] = useState<Record<string, Row>>({})

  const setActive = async (row: Row, active: boolean) => {
    setToggling((previous) => ({ ...previous, [row.id]: active }))
    try {
      const updated = await update(row.id, active)
      setPatched((previous) => ({ ...previous, [row.id]: updated }))
      void message.success(said(active, row.name))
    } catch (error) {
      toastError(error)
    } finally {
      setToggling(({ [row.id]: _, ...rest }) => rest)
    }
  }

  return { toggling, patched, setActive }
}
