import './title-tips.css';

/** How long a tapped control's tip stays, in ms (default 4000). */
const TAP_TIP_MS = 4000;
/** Room kept between a tip and its control or the window's edge, in CSS pixels. */
const GAP = 8;

/**
 * A control's `title` (a longer name, what an X-ray or a projection is) shows only under a hovering
 * mouse. So that no information is for the mouse alone, the same words show in a bubble when a
 * finger or a pen taps the control, and while the keyboard's focus is on it. The bubble is for the
 * eye: a screen reader already reads the title as the control's description.
 */
export function showTitlesOnTapAndFocus(doc: Document = document): () => void {
  const tip = doc.createElement('div');
  tip.className = 'title-tip';
  tip.setAttribute('aria-hidden', 'true');
  tip.dataset.testid = 'title-tip';
  tip.hidden = true;
  doc.body.append(tip);
  let owner: Element | null = null;
  let fade = 0;
  // The click that ends a tap says less than the pointer that went down (Safari's is no PointerEvent).
  let lastPointer = 'mouse';

  const hide = () => {
    clearTimeout(fade);
    tip.hidden = true;
    owner = null;
  };
  const show = (target: Element, text: string, ms: number | null) => {
    clearTimeout(fade);
    owner = target;
    tip.textContent = text;
    tip.hidden = false;
    const r = target.getBoundingClientRect();
    const { innerWidth: w, innerHeight: h } = doc.defaultView ?? window;
    const box = tip.getBoundingClientRect();
    const left = Math.min(Math.max(GAP, r.left + r.width / 2 - box.width / 2), w - box.width - GAP);
    const below = r.bottom + GAP + box.height <= h - GAP;
    tip.style.left = `${Math.max(GAP, left)}px`;
    tip.style.top = `${below ? r.bottom + GAP : Math.max(GAP, r.top - GAP - box.height)}px`;
    if (ms !== null) fade = window.setTimeout(hide, ms);
  };
  const titled = (target: EventTarget | null): [Element, string] | null => {
    const el = target instanceof Element ? target.closest('[title]') : null;
    const text = el?.getAttribute('title')?.trim();
    return el && text ? [el, text] : null;
  };

  const onPointerDown = (e: PointerEvent) => {
    lastPointer = e.pointerType;
    hide();
  };
  const onClick = (e: MouseEvent) => {
    if (lastPointer === 'mouse') return;
    const hit = titled(e.target);
    if (hit) show(hit[0], hit[1], TAP_TIP_MS);
  };
  const onFocusIn = (e: FocusEvent) => {
    const hit = titled(e.target);
    // Keyboard focus only: a tapped control is focused too, and has its tip from the tap.
    if (hit && hit[0] === e.target && hit[0].matches(':focus-visible')) show(hit[0], hit[1], null);
  };
  const onFocusOut = (e: FocusEvent) => {
    if (owner === e.target) hide();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !tip.hidden) hide();
  };
  const listeners: [string, EventListener][] = [
    ['pointerdown', onPointerDown as EventListener],
    ['click', onClick as EventListener],
    ['focusin', onFocusIn as EventListener],
    ['focusout', onFocusOut as EventListener],
    ['keydown', onKey as EventListener],
    // A tip left behind where its control was is worse than none.
    ['scroll', hide],
  ];
  for (const [type, listener] of listeners) doc.addEventListener(type, listener, true);
  const win = doc.defaultView;
  win?.addEventListener('resize', hide);
  return () => {
    for (const [type, listener] of listeners) doc.removeEventListener(type, listener, true);
    win?.removeEventListener('resize', hide);
    hide();
    tip.remove();
  };
}
