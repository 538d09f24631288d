import { Suspense } from 'react'
import { useHydrated } from '#app/components/use-hydrated'

/**
 * A chart drawn in the browser only (recharts measures its box), inside a box of fixed height so nothing jumps
 * when it appears. The server, a browser without JavaScript and the hydration pass render `fallback`, a short
 * text; the figures themselves are in a table beside every chart, so nothing depends on the drawing.
 */
export function ChartFrame({ height, label, fallback, children }: { height: number; label: string; fallback: React.ReactNode; children: React.ReactNode }) {
  const isHydrated = useHydrated()
  const text = <div className="flex h-full items-center justify-center rounded-md bg-slate-50 px-4 text-center text-sm text-slate-600">{fallback}</div>
  return (
    <div role="img" aria-label={label} style={{ height }} className="w-full min-w-0">
      {isHydrated ? <Suspense fallback={text}>{children}</Suspense> : text}
    </div>
  )
}
