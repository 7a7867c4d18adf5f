import { useDeferredValue, useMemo } from 'react';
import type { PanePlay } from '../state/view-slice';
import type { Case } from '../engine/case';
import { usePlanOf } from '../state/procedure-plan';
import { panePlay } from '../state/readiness';
import { useSession } from '../state/store';
import { useView } from '../state/store';
import { usePane } from './pane';

/** What this view plays now (see panePlay): the open procedure, nothing, or the compared one. */
export function usePanePlay(): PanePlay {
  const { kind } = usePane();
  const procedure = useSession((s) => s.procedure);
  const compare = useSession((s) => s.compare);
  // Deferred: a slider drag re-plans in a background render React can interrupt.
  const params = useDeferredValue(useSession((s) => s.params));
  const showingBefore = useView((s) => s.showingBefore);
  // One object per input: what the view's layer reports changes only when the play does.
  return useMemo(
    () => panePlay(kind, { procedure, compare }, showingBefore, params),
    [kind, procedure, compare, showingBefore, params],
  );
}

/** The procedure this view plays, planned on the session's patient (undefined with none). */
export function usePanePlan(): Case | undefined {
  const { procedure, params } = usePanePlay();
  return usePlanOf(procedure, params);
}
