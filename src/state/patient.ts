import { useMemo } from 'react';
import type { Region } from '../anatomy/types';
import type { FootAngles, KneeAngles } from '../anatomy/deformity';
import { posedFoot, posedKnee, type PosedFoot, type PosedKnee } from '../clinical/patient';
import { REST_LANDMARKS } from '../engine/rest-landmarks';
import { useSession } from './session-store';

export type PosedPatient = ({ region: 'foot' } & PosedFoot) | ({ region: 'knee' } & PosedKnee);

let last: { region: Region; angles: object; patient: PosedPatient } | undefined;

/** The patient posed to these angles; one object per input, shared by every component. */
export function posedPatient(region: Region, foot: FootAngles, knee: KneeAngles): PosedPatient {
  const angles = region === 'foot' ? foot : knee;
  if (last?.region === region && last.angles === angles) return last.patient;
  const patient: PosedPatient =
    region === 'foot'
      ? { region, ...posedFoot(REST_LANDMARKS.foot, foot) }
      : { region, ...posedKnee(REST_LANDMARKS.knee, knee) };
  last = { region, angles, patient };
  return patient;
}

/** The patient's bones posed to the session's angles and measured back (shared by scene and panels). */
export function usePosedPatient(): PosedPatient {
  const region = useSession((s) => s.region);
  const foot = useSession((s) => s.foot);
  const knee = useSession((s) => s.knee);
  return useMemo(() => posedPatient(region, foot, knee), [region, foot, knee]);
}
