/**
 * Percutaneous bone cementoplasty (CLINICAL §3): a painful lytic lesion of the distal femur or the
 * proximal tibia filled with acrylic cement (PMMA) through a needle, under local anaesthesia and
 * fluoroscopy. The lesion is a cavity in the bone from the start (the bone is drawn see-through so
 * it shows); the trocar goes in on AP and lateral checks; cement goes in by small increments and
 * spreads inside; what the lesion cannot hold, or what is pushed too fast, leaks out.
 *
 * Frame: right leg, +X medial, +Y up, +Z anterior, mm.
 */
import { add, scale, type Vec3 } from '../../anatomy/vec';
import { keyedMemo } from '../kit/memo';
import {
  lesionCentre,
  lesionRadius,
  lesionSite,
  lesionSolid,
  lesionVolume,
  SAFE_INCREMENT,
  skinNick,
  thinnestWall,
  trocarPath,
  trocarTrack,
  type LesionSite,
} from './cementoplasty/lesion';
import type { Params, PlanContext, ProcedureDef } from '../types';
import {
  SETTING_MINUTES,
  STAND_UP_MINUTES,
  THIN_WALL,
  HOST,
  incrementMl,
  cementPlan,
  trocarDiameter,
  pathDepth,
  steps,
} from './cementoplasty/steps';

/** Less leaked cement than this is not drawn (a cement bolus is 0.05 mL at the least), mL. */
const DRAWN_LEAK = 0.05;

/** Whether cement leaks visibly for these parameters: more than the lesion holds, or pushed too fast. */
const leaksWith = (params: Params): boolean => cementPlan({ params }).leak >= DRAWN_LEAK;

function cementoplastyWith(site: LesionSite, leaks: boolean): ProcedureDef {
  return {
    id: 'cementoplasty',
    region: 'knee',
    // CLINICAL §3 (brief text E): the cement hardens in ~10–15 minutes while the patient lies still;
    // standing and walking about two hours later; day surgery.
    recovery: [
      { at: 10, to: 15, unit: 'minute', key: 'recovery.cementSets' },
      { at: 2, unit: 'hour', key: 'recovery.standWalk' },
    ],
    references: [62, 63, 64, 65, 66, 75],
    // The sources only this operation cites (the shared ones: clinical/references.ts).
    sources: {
      62: 'nice.org.uk/guidance/ipg179',
      63: 'PMC7976525',
      64: 'Vertebroplasty cement injection technique (textbook excerpt)',
      65: 'Skeletal Radiol 2019, 10.1007/s00256-019-3156-0 (pelvic cementoplasty)',
      66: 'Diagn Interv Radiol, CT-guided osteoplasty',
      75: 'Systematic review of extra-spinal cementoplasty, PMID 31427218',
    },
    // A painful lytic lesion (CLINICAL §3), of the sizes its `lesion` parameter takes; it corrects
    // no deformity.
    indication: { suits: { lesion: [15, 45] }, case: { id: 'lyticLesion', quotes: { lesion: 30 } } },
    // A needle into a round lesion.
    icon: 'M3 5l9 7M12 12a5 5 0 1 0 10 0a5 5 0 1 0-10 0',
    params: [
      { id: 'site', kind: 'choice', values: ['tibia', 'femur'], default: 'tibia', recut: true },
      { id: 'lesion', kind: 'number', unit: 'mm', default: 30, min: 15, max: 45, step: 1, recut: true },
      { id: 'gauge', kind: 'number', unit: '', default: 11, min: 10, max: 13, step: 1, recut: true },
      { id: 'volume', kind: 'number', unit: 'mL', default: 8, min: 2, max: 30, step: 0.5, recut: false },
      {
        id: 'pace',
        kind: 'number',
        unit: 'mL',
        default: 0.15,
        min: 0.1,
        max: 0.5,
        step: 0.05,
        limit: { above: SAFE_INCREMENT, warning: 'proc.cementoplasty.warn.pace' },
        recut: false,
      },
    ],
    variant: (params) => cementoplasty(params),
    readouts: {
      cement: { value: 'cementMl', unit: 'mL' },
      fill: { value: 'fillPct', unit: '%' },
      'lesion-volume': { value: 'lesionMl', unit: 'mL' },
    },
    seeThrough: [site],
    keepsAlignment: true,
    cuts: [
      {
        id: 'lesion',
        bone: site,
        cutter: (ctx) => [lesionSolid(ctx), trocarTrack(ctx)],
        fragments: [
          { id: HOST[site], probe: (ctx) => add(lesionCentre(ctx), hostProbeOffset(ctx)), holds: [] },
        ],
      },
    ],
    motions: [],
    follows: [],
    steps: steps(site, leaks),
    skinMarks: (ctx) => ({
      portals: [
        {
          id: 'nick',
          at: skinNick(ctx),
          normal: scale(trocarPath(ctx).direction, -1),
          along: [0, 1, 0],
          mm: Math.ceil(trocarDiameter(ctx) + 1),
        },
      ],
    }),
    captionValues: (ctx) => {
      const plan = cementPlan(ctx);
      return {
        lesionMm: 2 * lesionRadius(ctx),
        lesionMl: lesionVolume(ctx),
        gauge: Number(ctx.params.gauge ?? 11),
        diameterMm: trocarDiameter(ctx),
        depthMm: pathDepth(ctx),
        cementMl: plan.injected,
        fillPct: plan.fill,
        leakMl: plan.leak,
        paceMl: incrementMl(ctx),
        increments: Math.ceil(plan.injected / incrementMl(ctx) - 1e-9),
        wallMm: thinnestWall(ctx).mm,
        settingMin: SETTING_MINUTES,
        standH: STAND_UP_MINUTES / 60,
      };
    },
    warnings: (ctx) => [
      ...(cementPlan(ctx).injected > lesionVolume(ctx) ? ['proc.cementoplasty.warn.overflow'] : []),
      ...(thinnestWall(ctx).mm < THIN_WALL ? ['proc.cementoplasty.warn.cortex'] : []),
    ],
  };
}

/**
 * A point of the hollowed bone to recognise it by: below the lesion (away from the joint) by its
 * radius and 10 mm, on the bone's axis side.
 */
function hostProbeOffset(ctx: PlanContext): Vec3 {
  const toShaft: Vec3 = lesionSite(ctx) === 'tibia' ? [0, -1, 0] : [0, 1, 0];
  return scale(toShaft, lesionRadius(ctx) + 10);
}

const variants = keyedMemo<ProcedureDef>();

/** Cementoplasty for these choices (one stable definition per site and leak). */
export function cementoplasty(params: Params): ProcedureDef {
  const site = lesionSite({ params });
  const leaks = leaksWith(params);
  return variants([site, String(leaks)], () => cementoplastyWith(site, leaks));
}

/** The picker lists the procedures by this number, lowest first. */
export const order = 9;
/** The definition the registry offers (the variants come from its parameters). */
export const procedure: ProcedureDef = cementoplasty({});
