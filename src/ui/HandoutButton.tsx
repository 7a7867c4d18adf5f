import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from '../i18n';
import { MEASURE_UNIT, REGION_MEASURES } from '../clinical/measures';
import type { Case } from '../engine/case';
import type { ProcedureDef } from '../procedures/types';
import { QuietBoundary } from './QuietBoundary';

/** The printable handout, loaded when first asked for. */
const Handout = lazy(() => import('./Handout'));

/**
 * "Print handout": a one-page sheet for the patient, over the app until closed, with the case's
 * angles before and after. `testId` and `action` name the button for the tests (the side panel's
 * and the film view's).
 */
export function HandoutButton({
  state,
  proc,
  className,
  testId,
  action,
}: {
  readonly state: Case;
  readonly proc: ProcedureDef;
  readonly className?: string;
  readonly testId?: string;
  readonly action?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  const { pre, post } = state;
  const angles = REGION_MEASURES[state.plan.proc.region].flatMap((id) =>
    post[id] === undefined ? [] : [{ id, pre: pre[id]!, post: post[id], unit: MEASURE_UNIT[id] }],
  );
  return (
    <>
      <button
        type="button"
        ref={button}
        className={className}
        onClick={() => setOpen(true)}
        data-testid={testId}
        data-action={action}
      >
        {t('handout.button')}
      </button>
      {open &&
        // On the body, beside the app: printing hides everything else.
        createPortal(
          <QuietBoundary onError={close}>
            <Suspense fallback={null}>
              <Handout state={state} angles={angles} proc={proc} onClose={close} />
            </Suspense>
          </QuietBoundary>,
          document.body,
        )}
    </>
  );
}
