import { useEffect } from 'react';
import type { Plan } from '../engine/plan';
import { pausedAtStep, usePlayback } from '../state/playback-store';
import { useSession } from '../state/store';

/** Opens a procedure paused at the step the link asked for (step 1 by default). */
export function usePlaybackStart(plan: Plan | undefined): void {
  const procId = plan?.proc.id;
  useEffect(() => {
    if (!plan) return;
    const { startStep, startSpeed } = useSession.getState();
    usePlayback.setState({ ...pausedAtStep(plan.timeline, startStep), speed: startSpeed });
    // Only when another procedure opens: a parameter change keeps the clock where it is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [procId]);
}
