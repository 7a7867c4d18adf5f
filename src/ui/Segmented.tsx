interface Option<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly testId: string;
  /** An SVG path (24 × 24, stroked) drawn before the label. */
  readonly icon?: string;
  /** A longer name, shown as the button's tooltip. */
  readonly title?: string;
}

interface Props<T extends string> {
  readonly label: string;
  /** The option shown pressed; null for none. */
  readonly value: T | null;
  readonly options: readonly Option<T>[];
  readonly onChange: (value: T) => void;
  /** One option per line (in a menu), instead of a row. */
  readonly vertical?: boolean;
}

/** A group of toggle buttons for one choice (large enough to tap). */
export function Segmented<T extends string>({ label, value, options, onChange, vertical }: Props<T>) {
  return (
    <div className={vertical ? 'segmented vertical' : 'segmented'} role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
          data-testid={o.testId}
          title={o.title}
        >
          {o.icon && (
            <svg
              className="option-icon"
              viewBox="0 0 24 24"
              width="24"
              height="24"
              aria-hidden="true"
              focusable="false"
            >
              <path d={o.icon} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
            </svg>
          )}
          {o.label}
        </button>
      ))}
    </div>
  );
}
