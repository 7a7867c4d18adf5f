import { useMemo } from 'react';
import type { FilmRegion } from '../../clinical/film-measures';
import { planOnFilm, type FilmKneePlan, type FilmPlanInput } from '../../clinical/film-plan';
import { planFootOnFilm, type FilmFootPlan } from '../../clinical/film-plan-foot';
import { procedureById } from '../../procedures/registry';
import type { ProcedureDef } from '../../procedures/types';
import { useProcedurePlan } from '../../state/procedure-plan';
import { useSession } from '../../state/store';
import { useCalibration } from './FilmCalibration';
import { useFilm } from './film-store';

/** The plan drawn on the film, by region; null when no operation of the film's region is open or points are missing. */
export type FilmPlanView =
  | { readonly region: 'knee'; readonly plan: FilmKneePlan; readonly procedure: string }
  | { readonly region: 'foot'; readonly plan: FilmFootPlan; readonly procedure: string };

/**
 * The knee's planning inputs from the session's parameters, read as the 3D plan reads them
 * (procedures/knee/plan.ts): the target WBL %, the hinge's inset, and the surgeon's own angle when
 * set (its sign the procedure's: an HTO corrects varus, a DFO valgus).
 */
function kneeInput(
  kind: ProcedureDef['kneeCut'],
  params: Readonly<Record<string, unknown>>,
): FilmPlanInput | null {
  if (!kind) return null;
  const tibia = kind.site === 'tibia';
  const override = Number(params.angle ?? 0);
  return {
    site: kind.site,
    approach: kind.approach,
    targetWbl: Number(params.target ?? (tibia ? 62.5 : 50)),
    hingeInset: Number(params.hinge ?? 10),
    ...(override > 0 ? { angle: (tibia ? 1 : -1) * override } : {}),
  };
}

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
      const input = kneeInput(procedureById(procedure)?.kneeCut, params);
      if (!input) return null;
      const plan = planOnFilm(points, input, mmPerPixel);
      if (!plan) return null;
      // As the 3D plan: one that would turn the wrong way (an HTO on a valgus knee) is held at 0°, with the warning.
      if (plan.correction * (input.site === 'tibia' ? 1 : -1) >= 0) return { region, plan, procedure };
      const held = planOnFilm(points, { ...input, angle: 0 }, mmPerPixel)!;
      const warnings = [...new Set([...held.warnings, 'warn.knee.otherProcedure'])];
      return { region, plan: { ...held, warnings }, procedure };
    }
    if (!pre || !post || footCase?.plan.proc.region !== 'foot') return null;
    const keys = ['ima', 'hva'] as const;
    if (keys.some((k) => pre[k] === undefined || post[k] === undefined)) return null;
    const plan = planFootOnFilm(points, { ima: pre.ima! - post.ima!, hva: pre.hva! - post.hva! }, mmPerPixel);
    return plan ? { region, plan, procedure } : null;
  }, [procedure, region, params, points, mmPerPixel, pre, post, footCase]);
}
