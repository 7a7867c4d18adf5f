import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * A bar's arrangements, from 0 (everything out) to the most folded into menus: per arrangement, the
 * groups folded out of the row, and how many menu buttons it puts in the row instead.
 */
export interface Arrangement {
  readonly folded: readonly string[];
  readonly menus: number;
}

/**
 * The box around a group's controls in the row (display: contents, so the row lays them out as
 * its own): `<span className="fold-group" data-fold-group="settings">`.
 */
export const foldGroup = (name: string) => ({ className: 'fold-group', 'data-fold-group': name });

/** The narrowest a menu's button can be: a touch target. */
const MIN_BUTTON_PX = 44;

/** How much of the row each group takes with everything out: its controls, their margins and gaps. */
function groupWidths(bar: HTMLElement): Map<string, number> {
  const widths = new Map<string, number>();
  for (const group of bar.querySelectorAll<HTMLElement>('[data-fold-group]')) {
    const row = group.parentElement;
    const gap = row ? parseFloat(getComputedStyle(row).columnGap) || 0 : 0;
    let width = 0;
    for (const control of group.children) {
      const style = getComputedStyle(control);
      width +=
        control.getBoundingClientRect().width +
        (parseFloat(style.marginLeft) || 0) +
        (parseFloat(style.marginRight) || 0) +
        gap;
    }
    const name = group.dataset.foldGroup!;
    widths.set(name, (widths.get(name) ?? 0) + width);
  }
  return widths;
}

/**
 * The first arrangement after the first (everything out, which overflows) that may fit `room`,
 * judged from that row (`full` wide): each arrangement is at least that row less the groups it
 * folds, plus its menus' buttons. Those before it certainly overflow, so they need not be drawn
 * to find out.
 */
export function firstThatMayFit(
  arrangements: readonly Arrangement[],
  full: number,
  room: number,
  widths: ReadonlyMap<string, number>,
): number {
  for (let level = 1; level < arrangements.length - 1; level++) {
    const { folded, menus } = arrangements[level]!;
    const saved = folded.reduce((sum, group) => sum + (widths.get(group) ?? 0), 0);
    if (full - saved + menus * MIN_BUTTON_PX <= room) return level;
  }
  return arrangements.length - 1;
}

/**
 * The first of a bar's arrangements in which the bar fits its width on one row. Worked out from the
 * rendered bar, not from breakpoints, so it holds for Italian's longer words, the knee's longer
 * names and any window. On a resize or a change of `content` (language, region, operation) it starts
 * again from 0 and tries the next arrangement per layout pass until the bar no longer overflows;
 * layout effects run before paint, so no overflowing bar is ever shown. From the row with
 * everything out it skips the arrangements too wide to fit even with their menus at their
 * narrowest (a laptop's bar, fitted at its fifth, is drawn twice rather than five times). The width
 * the fit was made for is the bar's own, read as it is fitted: the observer's first report, a frame
 * after the page's first render, finds the fit already made for it and does not start it again.
 */
export function useFitLevel(
  bar: RefObject<HTMLElement | null>,
  arrangements: readonly Arrangement[],
  content: string,
): number {
  const [width, setWidth] = useState(0);
  const [fitted, setFitted] = useState({ level: 0, width: 0, content });
  // Before the observer's first report (width 0) the fit is made for the width the bar is drawn at.
  const stale = (width !== 0 && fitted.width !== width) || fitted.content !== content;
  const level = stale ? 0 : fitted.level;
  const last = arrangements.length - 1;

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
    const room = el.clientWidth + 1;
    let next = level;
    if (el.scrollWidth > room && level < last)
      next = level === 0 ? firstThatMayFit(arrangements, el.scrollWidth, room, groupWidths(el)) : level + 1;
    // Measuring the drawn bar, then drawing it again before paint, is what a layout effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (stale || next !== level) setFitted({ level: next, width: el.clientWidth, content });
  }, [bar, level, last, arrangements, stale, width, content]);
  return level;
}
