import type { FilmMeasureId, FilmRegion } from '../../clinical/film-measures';
import { ANGLE_RANGES } from '../../engine/case-angles';
import { useSession } from '../../state/store';
import { decodeUrl } from '../../state/url-codec';

/** A film angle the model could not take as measured: what it was, and what the model uses. */
export interface ClampedAngle {
  readonly id: string;
  readonly given: number;
  readonly used: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Poses the session's patient to the film's angles (those the model takes: HVA, IMA, DMAA, HVIA for
 * the foot; HKA, mMPTA, mLDFA for the knee — JLCA and the load line follow from them). The values go
 * through the same reading as a link's angles, so a film angle beyond the model's range is clamped
 * exactly as a link's would be; those are returned to be told. The 3D model, its readouts and any
 * open operation follow the session.
 */
export function applyFilmAngles(
  region: FilmRegion,
  measured: Partial<Record<FilmMeasureId, number>>,
): { applied: Record<string, number>; clamped: ClampedAngle[] } {
  const ranges: Record<string, { min: number; max: number }> = ANGLE_RANGES[region];
  const given = Object.keys(ranges).filter((id) => Number.isFinite(measured[id as FilmMeasureId]));
  const fragment = given.map((id) => `${id}=${measured[id as FilmMeasureId]!.toFixed(2)}`).join('&');
  const { values, notices } = decodeUrl('', fragment);
  const applied: Record<string, number> = {};
  for (const id of given) if (typeof values[id] === 'number') applied[id] = values[id];
  const clamped = notices
    .filter((n) => n.kind === 'clamped' && n.param in applied)
    .map((n) => ({
      id: n.param,
      given: Number(n.given),
      used: applied[n.param]!,
      min: ranges[n.param]!.min,
      max: ranges[n.param]!.max,
    }));
  const session = useSession.getState();
  if (region === 'foot') session.setFoot(applied);
  else session.setKnee(applied);
  return { applied, clamped };
}
