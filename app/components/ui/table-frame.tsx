import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useT } from '#app/i18n/provider'

/**
 * The frame of every wide table: on a narrow screen the table scrolls sideways inside it, never the whole page.
 * The frame is a named region that takes the focus, so keyboard users can scroll it with the arrow keys (WCAG
 * 2.1.1, axe's scrollable-region-focusable), and its name and a visible hint say that it scrolls.
 *
 * `relative`: a visually hidden header (sr-only, absolutely positioned) is otherwise placed against the page, not
 * the frame, and stretched the page sideways although the table scrolled in its frame.
 *
 * The hint shows only while the table is wider than its frame. Before hydration that is guessed from the width of
 * the screen (below `md`); after it, measured, and measured again whenever the frame or the table changes size.
 */
export function TableFrame({ label, children, className = '' }: { label: string; children: ReactNode; className?: string }) {
  const t = useT()
  const frame = useRef<HTMLDivElement>(null)
  const isOverflowing = useOverflowing(frame)
  const hint = isOverflowing === null ? 'md:hidden' : isOverflowing ? '' : 'hidden'
  return (
    <>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls must take the focus to be scrolled from the keyboard */}
      <div ref={frame} role="region" aria-label={t('common.tableScrolls', { label })} tabIndex={0} className={`relative overflow-x-auto ${className}`.trim()}>
        {children}
      </div>
      <p aria-hidden className={`mt-1 text-xs text-slate-600 ${hint}`.trim()} data-table-frame-hint>
        {t('common.tableScrollHint')}
      </p>
    </>
  )
}

/** Whether the element's content is wider than the element; null until measured in the browser. */
function useOverflowing(ref: React.RefObject<HTMLElement | null>) {
  const [isOverflowing, setOverflowing] = useState<boolean | null>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () => setOverflowing(element.scrollWidth > element.clientWidth + 1)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    if (element.firstElementChild) observer.observe(element.firstElementChild)
    return () => observer.disconnect()
  }, [ref])
  return isOverflowing
}
