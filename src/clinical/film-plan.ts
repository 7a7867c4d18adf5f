/**
 * The knee osteotomy planned on the patient's film (issue 20 item 5): the app's own planner
 * (planOsteotomy: cut geometry, Miniaci angle, Hernigou gap) run on the film's nine landmarks, its
 * answer brought back to film pixels for drawing. The film's points go into the planner's frame
 * (+X medial, +Y up, mm) by the same mirror test the film's angles use, so a left leg or a flipped
 * film plans as the right leg the planner knows.
 */
import type { RegionLandmarks } from '../anatomy/landmarks';
import type { Vec3 } from '../anatomy/vec';
import type { BoneGauge } from './bone-gauge';
import { circleCentre, mirrorSign, type FilmPoint } from './film-measures';
import { turnAbout, type OsteotomyApproach, type OsteotomySite } from './knee-cut-geometry';
import { planOsteotomy } from './knee-planning';

/** What the open operation asks for (the session's parameters, as the 3D plan reads them). */
export interface FilmPlanInput {
  readonly site: OsteotomySite;
  readonly approach: OsteotomyApproach;
  /** Where the new load line should cross the plateau, % of its width from the medial edge. */
  readonly targetWbl: number;
  /** Hinge depth inside the far cortex, mm. */
  readonly hingeInset?: number;
  /** The surgeon's own correction, degrees, + corrects varus (replaces the Miniaci angle). */
  readonly angle?: number;
}

/** The plan in film pixels (x right, y down), ready to draw. */
export interface FilmKneePlan {
  /** Whether the millimetres come from the film's calibration (else a nominal plateau width). */
  readonly calibrated: boolean;
  /** The scale the plan was worked at, mm per film pixel. */
  readonly mmPerPixel: number;
  readonly hip: FilmPoint;
  readonly ankle: FilmPoint;
  /** The target point on the plateau line, at `targetWbl` % from its medial edge. */
  readonly target: FilmPoint;
  readonly targetWbl: number;
  readonly hinge: FilmPoint;
  /** The segment that turns: the ankle for an HTO, the hip for a DFO. */
  readonly moved: 'ankle' | 'hip';
  /** Where the moving end goes: on the line from the fixed end through the target (Miniaci). */
  readonly movedTo: FilmPoint;
  /** The Miniaci construction: from the fixed end through the target on to the moving end's level. */
  readonly miniaci: readonly [FilmPoint, FilmPoint];
  /** The new load line, hip → ankle after the correction. */
  readonly newLoadLine: readonly [FilmPoint, FilmPoint];
  /** The (first) cut, from where it enters the near cortex to the hinge. */
  readonly cut: readonly [FilmPoint, FilmPoint];
  /** The wedge's two edges, each from its near-cortex end to the hinge. */
  readonly wedge: readonly [readonly [FilmPoint, FilmPoint], readonly [FilmPoint, FilmPoint]];
  /** Correction angle, degrees, + corrects varus. */
  readonly correction: number;
  /** Hernigou's gap (opening height or closing wedge base), mm at `mmPerPixel`. */
  readonly gapMm: number;
  /** The same gap in film pixels. */
  readonly gapPx: number;
  /** WBL % the plan predicts. */
  readonly predictedWbl: number;
  readonly predictedHka: number;
  readonly warnings: readonly string[];
}

/** Without a calibration the plateau is taken this wide, mm (CLINICAL §2: 66–83): only to place the cut. */
export const NOMINAL_PLATEAU_MM = 75;

/**
 * The film shows no cortex to measure: the bone is taken as wide as its plateau at every cut
 * level and the fibula is not found (the planner then puts the hinge at its own default depth), as
 * the quiz's student measures on a film (engine/quiz-angle).
 */
function plateauGauge(width: number): BoneGauge {
  const has = (bone: string) => bone === 'tibia' || bone === 'femur';
  return {
    width: (bone) => (has(bone) ? width : 0),
    span: (bone) => (has(bone) ? [-width / 2, width / 2] : [0, 0]),
    reach: (bone) => (has(bone) ? width / 2 : 0),
  };
}

type KneePoints = readonly (FilmPoint | undefined)[];

/**
 * Plans the open knee operation on the film: undefined until all nine points are placed (or when
 * they describe no leg). `mmPerPixel` is the film's calibration; without one the plan is worked at
 * a nominal plateau width and says so (`calibrated` false): the angle does not depend on it, the
 * millimetres do.
 */
export function planOnFilm(
  points: KneePoints,
  input: FilmPlanInput,
  mmPerPixel?: number,
): FilmKneePlan | undefined {
  const [r1, r2, r3, knee, ankle, condM, condL, platM, platL] = points;
  if (!r1 || !r2 || !r3 || !knee || !ankle || !condM || !condL || !platM || !platL) return undefined;
  const hip = circleCentre(r1, r2, r3);
  if (!hip) return undefined;
  const plateauPx = Math.hypot(platL[0] - platM[0], platL[1] - platM[1]);
  if (plateauPx === 0) return undefined;
  const calibrated = mmPerPixel !== undefined && Number.isFinite(mmPerPixel) && mmPerPixel > 0;
  const k = calibrated ? mmPerPixel : NOMINAL_PLATEAU_MM / plateauPx;
  const sx = mirrorSign([condM[0] - condL[0], condM[1] - condL[1]], [hip[0] - ankle[0], hip[1] - ankle[1]]);
  const toMm = (p: FilmPoint): Vec3 => [sx * p[0] * k, -p[1] * k, 0];
  const toPx = (v: Vec3): FilmPoint => [(sx * v[0]) / k, -v[1] / k];

  const lm: RegionLandmarks = {
    femur: {
      hipCentre: toMm(hip),
      kneeCentre: toMm(knee),
      condyleMedial: toMm(condM),
      condyleLateral: toMm(condL),
    },
    tibia: { kneeCentre: toMm(knee), plateauMedial: toMm(platM), plateauLateral: toMm(platL) },
    talus: { ankleCentre: toMm(ankle) },
    // Needed by the planner's fibula search; the gauge never finds it (see plateauGauge).
    fibula: { head: toMm(platL) },
  };
  const plan = planOsteotomy(
    lm,
    {
      site: input.site,
      approach: input.approach,
      targetWbl: input.targetWbl,
      ...(input.hingeInset !== undefined ? { hingeInset: input.hingeInset } : {}),
      ...(input.angle !== undefined ? { angle: input.angle } : {}),
    },
    plateauGauge(plateauPx * k),
  );
  const { pivot, angle } = plan.transform;
  const turn = (p: FilmPoint) => toPx(turnAbout(toMm(p), pivot, angle));
  const t = input.targetWbl / 100;
  const target: FilmPoint = [platM[0] + (platL[0] - platM[0]) * t, platM[1] + (platL[1] - platM[1]) * t];
  const tibia = input.site === 'tibia';
  const movedTo = turn(tibia ? ankle : hip);
  const cutStart = toPx(plan.cutStart);
  const hinge = toPx(plan.hinge);
  // An opening wedge's far lip is the cut's start turned with the moving segment; a closing wedge's is its second cut.
  const other = plan.secondCutStart ? toPx(plan.secondCutStart) : turn(cutStart);
  return {
    calibrated,
    mmPerPixel: k,
    hip,
    ankle,
    target,
    targetWbl: input.targetWbl,
    hinge,
    moved: tibia ? 'ankle' : 'hip',
    movedTo,
    miniaci: tibia ? [hip, movedTo] : [ankle, movedTo],
    newLoadLine: tibia ? [hip, movedTo] : [movedTo, ankle],
    cut: [cutStart, hinge],
    wedge: [
      [cutStart, hinge],
      [other, hinge],
    ],
    correction: plan.correction,
    gapMm: plan.gap,
    gapPx: plan.gap / k,
    predictedWbl: plan.predictedWbl,
    predictedHka: plan.predictedHka,
    warnings: plan.warnings,
  };
}
