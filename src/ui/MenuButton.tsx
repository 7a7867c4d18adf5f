import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  /** The button's words: what the menu holds, or the choice it shows (e.g. the open operation). */
  readonly label: ReactNode;
  /** The button's accessible name when its words alone do not say it (an icon, a value). */
  readonly name?: string;
  readonly testId: string;
  readonly children: ReactNode;
  /**
   * The controls whose click closes the menu (a choice from a list), as a CSS selector; the
   * others leave it open, so settings can be adjusted in turn and seen taking effect.
   */
  readonly closeOn?: string;
}

/** Space kept between the panel and the window's edges, in CSS pixels. */
const MARGIN = 8;

/**
 * Puts the panel under its button, from the button's left edge, or, for a button in the window's
 * right half, from its right edge leftwards; never wider than the room left to the window's far side.
 * Nothing is measured on the panel, so it is right before it is first drawn.
 */
function placeUnder(panel: HTMLElement, button: HTMLElement): void {
  const b = button.getBoundingClientRect();
  const fromRight = b.left + b.width / 2 > window.innerWidth / 2;
  const offset = Math.max(MARGIN, fromRight ? window.innerWidth - b.right : b.left);
  panel.style.top = `${b.bottom + 6}px`;
  panel.style.left = fromRight ? 'auto' : `${offset}px`;
  panel.style.right = fromRight ? `${offset}px` : 'auto';
  panel.style.maxWidth = `${window.innerWidth - offset - MARGIN}px`;
}

/**
 * A button that opens its controls in a panel under it: the browser's popover, so a tap outside
 * or Escape closes it, it lies above everything and the button says whether it is open, with no
 * script of ours. The panel keeps within the window and scrolls when taller than it.
 */
export function MenuButton({ label, name, testId, children, closeOn }: Props) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const p = panel.current;
    if (!p) return;
    // Placed before it shows, so it is never drawn anywhere else; again when the window changes.
    const place = (e?: Event) => {
      const opening = (e as ToggleEvent | undefined)?.newState === 'open';
      if ((opening || p.matches(':popover-open')) && button.current) placeUnder(p, button.current);
    };
    p.addEventListener('beforetoggle', place);
    window.addEventListener('resize', place);
    return () => {
      p.removeEventListener('beforetoggle', place);
      window.removeEventListener('resize', place);
    };
  }, []);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="menu-button"
        popoverTarget={id}
        aria-label={name}
        data-testid={testId}
      >
        {label}
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      <div
        ref={panel}
        id={id}
        popover="auto"
        className="menu-panel"
        data-testid={`${testId}-panel`}
        onClick={(e) => {
          if (closeOn && (e.target as HTMLElement).closest(closeOn)) e.currentTarget.hidePopover();
        }}
      >
        {children}
      </div>
    </>
  );
}
