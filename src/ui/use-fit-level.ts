import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The first of a bar's arrangements, from 0 (everything out) to `levels` (the most folded into
 * menus), in which the bar fits its width on one row. Worked out from the rendered bar, not from
 * breakpoints, so it holds for Italian's longer words, the knee's longer names and any window. On
 * a resize or a change of `content` (language, region, operation) it starts again from 0 and tries
 * the next arrangement per layout pass until the bar no longer overflows; layout effects run
 * before paint, so no overflowing bar is ever shown. The width the fit was made for is the bar's
 * own, read as it is fitted: the observer's first report, a frame after the page's first render,
 * finds the fit already made for it and does not start it again.
 */
export function useFitLevel(bar: RefObject<HTMLElement | null>, levels: number, content: string): number {
  const [width, setWidth] = useState(0);
  const [fitted, setFitted] = useState({ level: 0, width: 0, content });
  // Before the observer's first report (width 0) the fit is made for the width the bar is drawn at.
  const stale = (width !== 0 && fitted.width !== width) || fitted.content !== content;
  const level = stale ? 0 : fitted.level;

  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    // An observer reports the size it starts with too.
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [bar]);

  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const overflows = el.scrollWidth > el.clientWidth + 1;
    const next = overflows && level < levels ? level + 1 : level;
    // Measuring the drawn bar, then drawing it again before paint, is what a layout effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (stale || next !== level) setFitted({ level: next, width: el.clientWidth, content });
  }, [bar, level, levels, stale, width, content]);
  return level;
}
