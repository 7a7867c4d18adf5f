import { useDeferredValue } from 'react';
import { comparedParams } from '../state/compare';
import { usePlanOf, type ProcedureState } from '../state/procedure-plan';
import { useSession } from '../state/session-store';
import { useView } from '../state/view-store';
import { usePane } from './pane';

const NONE = {};

/**
 * The procedure this view plays, planned on the session's patient: the open one (or nothing while
 * the user looks at "before"), nothing for the before-surgery view, or the compared one with the
 * parameters it shares with the open one.
 */
export function usePanePlan(): ProcedureState | undefined {
  const { kind } = usePane();
  const main = useSession((s) => s.procedure);
  const compare = useSession((s) => s.compare);
  // Deferred: a slider drag re-plans in a background render React can interrupt.
  const params = useDeferredValue(useSession((s) => s.params));
  const showingBefore = useView((s) => s.showingBefore);
  const other = kind === 'other' ? compare : null;
  const otherParams = other ? comparedParams(other, params) : NONE;
  const procedure = kind === 'main' ? (showingBefore ? null : main) : other;
  return usePlanOf(procedure, kind === 'main' ? params : otherParams);
}
