import { useEffect, useState } from 'react'

/**
 * False during the server render and the hydration pass, true after: lets a component render a
 * server-safe fallback first (the same HTML on both sides) and swap in browser-only UI, such as charts
 * that need a measured width, once it runs in the browser.
 */
export function useHydrated() {
  const [isHydrated, setHydrated] = useState(false)
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the second render, after hydration, is the point
  useEffect(() => setHydrated(true), [])
  return isHydrated
}
