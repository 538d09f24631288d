import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { IntervalChart } from './interval-chart'

test('an unbounded interval is said in words and does not squash the other rows', () => {
  const html = renderToStaticMarkup(
    <IntervalChart
      title="Lift"
      rows={[
        { label: 'B', estimate: 0.1, ci: [-0.05, 0.25], isSignificant: false },
        { label: 'C', estimate: 2, ci: [-0.99, 27501815780576.86], isSignificant: false },
        { label: 'D', estimate: null, ci: null, isSignificant: false },
      ]}
    />,
  )
  expect(html).toContain('C: too few conversions to bound the lift')
  expect(html).toContain('D: not enough data')
  expect(html).not.toContain('27501815780576')
  // The axis spans B's interval and 0 only, so B's bar is drawn at a readable width.
  const xs = [...html.matchAll(/<line x1="([\d.]+)" x2="([\d.]+)" y1="18" y2="18"/g)].map((m) => Number(m[2]) - Number(m[1]))
  expect(xs).toHaveLength(1)
  expect(xs[0]).toBeGreaterThan(200)
})
