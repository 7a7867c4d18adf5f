/**
 * What the layouts test checks on a page, run inside it (by `page.evaluate`, so it is one
 * self-contained function): every control of the app within the window's width and reachable —
 * opened from its menu when it sits in one, scrolled to when its panel scrolls — not covered by
 * anything at its centre, at least 44 px each way; no text cut short; the page not wider than the
 * window; and the 3D view's share of the window.
 */
export interface LayoutAudit {
  /** Controls checked (visible ones and those reached through a menu). */
  readonly controls: number;
  /** Those reached by opening a menu first. */
  readonly inMenus: number;
  /** One line per fault: the control (its test id or name) and what is wrong with it. */
  readonly problems: string[];
  readonly scrollWidth: number;
  readonly innerWidth: number;
  /** The stage's area over the window's, in %. */
  readonly stageShare: number;
}

export function auditLayout(): LayoutAudit {
  const SELECTOR = 'button, select, input:not([type=hidden]), textarea, a[href], summary, [role=tab]';
  const W = window.innerWidth;
  const problems: string[] = [];
  const shown = (el: Element) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  // A checkbox's target is the label around it (the box is small, its words are what is tapped).
  const targetOf = (el: HTMLElement): HTMLElement =>
    (el instanceof HTMLInputElement &&
      (el.type === 'checkbox' || el.type === 'radio') &&
      el.closest('label')) ||
    el;
  const nameOf = (el: HTMLElement) =>
    el.dataset.testid ??
    el.getAttribute('aria-label') ??
    `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 24)}"`;
  const outside = (b: DOMRect) => b.left < -0.5 || b.right > W + 0.5;

  // Before anything is opened or scrolled: what is on screen lies within the window's width (a
  // bar that scrolls sideways does not make its far end reachable).
  const all = [...document.querySelectorAll<HTMLElement>(SELECTOR)];
  for (const el of all.filter(shown)) {
    const b = targetOf(el).getBoundingClientRect();
    if (b.width > 0 && outside(b))
      problems.push(`${nameOf(el)}: past the side edge (${Math.round(b.left)}–${Math.round(b.right)})`);
  }

  // Each control reached in turn: its menu opened, its panel scrolled to it.
  let controls = 0;
  let inMenus = 0;
  for (const el of all.filter((e) => shown(e) || e.closest('[popover]'))) {
    const menu = el.closest<HTMLElement>('[popover]');
    const opened = menu !== null && !menu.matches(':popover-open');
    if (opened) {
      const button = document.querySelector<HTMLElement>(`[popovertarget="${menu.id}"]`);
      if (!button || !shown(button)) {
        problems.push(`${nameOf(el)}: its menu's button is not on screen`);
        continue;
      }
      button.click();
      inMenus++;
    }
    if (!shown(el)) {
      problems.push(`${nameOf(el)}: not shown once its menu is open`);
    } else {
      controls++;
      const target = targetOf(el);
      target.scrollIntoView({ block: 'center', inline: 'nearest' });
      const b = target.getBoundingClientRect();
      if (outside(b)) problems.push(`${nameOf(el)}: past the side edge once reached`);
      if (b.width < 43.5 || b.height < 43.5)
        problems.push(`${nameOf(el)}: ${Math.round(b.width)}×${Math.round(b.height)} px, under 44`);
      const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
      if (!hit || !(hit === target || target.contains(hit)))
        problems.push(
          `${nameOf(el)}: covered at its centre by ${hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : 'nothing'}`,
        );
    }
    if (opened) menu.hidePopover();
  }

  // Text cut short: a box that hides what overflows it and holds more text than it shows.
  for (const el of document.querySelectorAll<HTMLElement>('body *')) {
    if (el.clientWidth <= 1 || !shown(el)) continue;
    if (![...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim())) continue;
    const style = getComputedStyle(el);
    if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
      problems.push(`text cut short: "${el.textContent!.trim().slice(0, 30)}"`);
  }

  const stage = document.querySelector('[data-testid="stage"]')!.getBoundingClientRect();
  return {
    controls,
    inMenus,
    problems,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: W,
    stageShare: (100 * stage.width * stage.height) / (W * window.innerHeight),
  };
}
