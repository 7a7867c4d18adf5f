import { useMemo } from 'react';
import type { FilmRegion } from '../../clinical/film-measures';
import { planOnFilm, type FilmKneePlan } from '../../clinical/film-plan';
import { heldIfWrongWay } from '../../clinical/knee-planning';
import { planFootOnFilm, type FilmFootPlan } from '../../clinical/film-plan-foot';
import { filmKneeInput } from '../../engine/film-knee';
import { useProcedurePlan } from '../../state/procedure-plan';
import { useSession } from '../../state/store';
import { useCalibration } from './FilmCalibration';
import { useFilm } from './film-store';

/** The plan drawn on the film, by region; null when no operation of the film's region is open or points are missing. */
export type FilmPlanView =
  | { readonly region: 'knee'; readonly plan: FilmKneePlan; readonly procedure: string }
  | { readonly region: 'foot'; readonly plan: FilmFootPlan; readonly procedure: string };

/**
 * The open operation planned on the film's points: the knee by the app's planner run on the film
 * (clinical/film-plan), the foot by the correction the 3D plan makes on this patient (how much it
 * closes the IMA and the HVA) laid on the film's own axes.
 */
export function useFilmPlan(region: FilmRegion): FilmPlanView | null {
  const procedure = useSession((s) => s.procedure);
  const params = useSession((s) => s.params);
  const points = useFilm((s) => s.points);
  const mmPerPixel = useCalibration()?.mmPerPixel;
  const footCase = useProcedurePlan();
  const pre = footCase?.pre;
  const post = footCase?.post;
  return useMemo(() => {
    if (!procedure) return null;
    if (region === 'knee') {
      const input = filmKneeInput(procedure, params);
      if (!input) return null;
      // As the 3D plan: one that would turn the wrong way (an HTO on a valgus knee) is held at 0°, with the warning.
      const plan = heldIfWrongWay(input, (options) => planOnFilm(points, options, mmPerPixel));
      return plan ? { region, plan, procedure } : null;
    }
    if (!pre || !post || footCase?.plan.proc.region !== 'foot') return null;
    const keys = ['ima', 'hva'] as const;
    if (keys.some((k) => pre[k] === undefined || post[k] === undefined)) return null;
    const plan = planFootOnFilm(points, { ima: pre.ima! - post.ima!, hva: pre.hva! - post.hva! }, mmPerPixel);
    return plan ? { region, plan, procedure } : null;
  }, [procedure, region, params, points, mmPerPixel, pre, post, footCase]);
}
