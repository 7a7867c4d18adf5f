import { posedPatient, type PosedPatient } from '../engine/case';
import { useSession } from './store';

/** The patient's bones posed to the session's angles and measured back (the engine shares one per input). */
export function usePosedPatient(): PosedPatient {
  const region = useSession((s) => s.region);
  const foot = useSession((s) => s.foot);
  const knee = useSession((s) => s.knee);
  return posedPatient(region, foot, knee);
}
