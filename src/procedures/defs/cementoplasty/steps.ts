/**
 * Cementoplasty's steps (CLINICAL §3): the trocar to the lesion under fluoroscopy, the cement
 * injected in increments and setting, the views on the lesion and where the tools work.
 */
import { add, cross, length, normalize, scale, sub, type Vec3 } from '../../../anatomy/vec';
import { perContext } from '../../kit/case-memo';
import { ease } from '../../kit/ease';
import {
  cementFill,
  lesionCentre,
  lesionRadius,
  lesionSite,
  skinNick,
  thinnestWall,
  TROCAR_DIAMETER,
  trocarPath,
  type LesionSite,
} from './lesion';
import type { ToolTarget, ImplantUse, InstrumentUse, PlanContext, StepContext, StepDef } from '../../types';

/** Minutes the cement takes to set (brief text E: 10–15; the patient lies still meanwhile). */
export const SETTING_MINUTES = 12;
/** The patient stands and walks about two hours later (brief text E), minutes. */
export const STAND_UP_MINUTES = 120;
/** Below this much bone between the lesion and the outside, cement may escape: warned, mm. */
export const THIN_WALL = 1.5;
/** The first increments, checked on the lateral view before the rest: this share of the cement. */
export const FIRST_SHARE = 0.25;
/** The trocar starts this far outside the skin, mm. */
export const OUTSIDE_SKIN = 6;
/** The cannula's tip is drawn back this far from the centre while cement flows, mm. */
export const INJECTING_BACK = 2;

/** The fragment the lesion's cut leaves: the whole bone, hollowed. */
export const HOST: Record<LesionSite, string> = { tibia: 'tibiaHost', femur: 'femurHost' };

export type WithParams = Pick<PlanContext, 'params'>;

/** Injected cement, mL (the `volume` parameter). */
export const injectedMl = (ctx: WithParams): number => Number(ctx.params.volume ?? 8);
/** Cement per increment, mL (the `pace` parameter). */
export const incrementMl = (ctx: WithParams): number => Number(ctx.params.pace ?? 0.15);

/** Where the cement goes for this case: the lesion's share and any leak (see cementFill). */
export function cementPlan(ctx: WithParams) {
  return cementFill(ctx, injectedMl(ctx), incrementMl(ctx));
}

/** The trocar's outer diameter, mm, from its gauge. */
export const trocarDiameter = (ctx: PlanContext): number =>
  TROCAR_DIAMETER[Number(ctx.params.gauge ?? 11)] ?? 3;

/** From the skin nick to the lesion's centre, mm. */
export const pathDepth = (ctx: PlanContext): number => length(sub(lesionCentre(ctx), skinNick(ctx)));

/** The trocar with its tip `back` mm short of the lesion's centre on its path. */
export function trocarAt(ctx: PlanContext, back: number) {
  const { tip, direction } = trocarPath(ctx);
  return { tip: add(tip, scale(direction, -back)), direction, up: [0, 1, 0] as Vec3 };
}

/** How far short of the lesion's centre the trocar's tip is, mm: held there, or moving as the step goes. */
export type TrocarBack = number | ((ctx: StepContext, p: number) => number);

export function trocar(id: string, target: ToolTarget, back: TrocarBack): InstrumentUse {
  return {
    id,
    kind: 'trocar',
    target,
    path: (ctx, p) => trocarAt(ctx, typeof back === 'number' ? back : back(ctx, p)),
    // Long enough that the handle stays outside the skin.
    shape: (ctx) => [trocarDiameter(ctx), Math.max(100, Math.ceil(pathDepth(ctx) + 45))],
  };
}

/** From the lesion's centre back along the needle's path to the bone's surface where it went in, mm. */
export const boneExit = perContext((ctx: PlanContext): number =>
  ctx.gauge.reach(lesionSite(ctx), lesionCentre(ctx), scale(trocarPath(ctx).direction, -1)),
);

/** The side of the bone the needle goes in: the tibia's anteromedial face, the femur's medial side. */
export const ENTRY_SIDE: Record<LesionSite, NonNullable<ToolTarget['side']>> = {
  tibia: 'medial',
  femur: 'medial',
};

/** Where the needle starts: just outside the skin. */
export const outside = (ctx: PlanContext) => pathDepth(ctx) + OUTSIDE_SKIN;

/** The trocar pushed in from outside the skin to the lesion's centre over the step. */
const pushedIn = (ctx: StepContext, p: number) => outside(ctx) * (1 - ease(p));

/** The trocar drawn back from where the cement flowed until its tip leaves the bone where it went in. */
const drawnOut = (ctx: StepContext, p: number) => {
  const exit = boneExit(ctx) + 1;
  return INJECTING_BACK + (exit - INJECTING_BACK) * ease(p);
};

/** The skin nick: the scalpel across the limb's axis, the needle's width, at the nick. */
const nickStroke = (ctx: StepContext, p: number) => {
  const d = trocarPath(ctx).direction;
  const across = normalize(cross(d, [0, 1, 0]));
  const tip = add(add(skinNick(ctx), scale(d, 2)), scale(across, (p - 0.5) * 4));
  return { tip, direction: d, up: [0, 1, 0] as Vec3 };
};

/** The cement the lesion takes, its first increments' share, and what leaks out of it, mL. */
const inLesionMl = (ctx: StepContext) => cementPlan(ctx).inLesion;
const firstMl = (ctx: StepContext) => FIRST_SHARE * inLesionMl(ctx);
const leakedMl = (ctx: StepContext) => cementPlan(ctx).leak;

/** The cement injected by progress p, stepping one increment at a time from `from` to `to` mL. */
export function injected(ctx: PlanContext, from: number, to: number, p: number): number {
  const inc = incrementMl(ctx);
  const increments = Math.floor((p * (to - from)) / inc + 1e-9);
  return p >= 1 ? to : Math.min(to, from + increments * inc);
}

/**
 * A cement bolus centred at `at`, of `fullMl` when done, growing from `fromMl` to it (by increments)
 * during its step: drawn once at full size and scaled, so no new geometry is made as it grows.
 */
export function bolus(
  id: string,
  fixedTo: string,
  at: (ctx: StepContext) => Vec3,
  fullMl: (ctx: StepContext) => number,
  fromMl: number | ((ctx: StepContext) => number),
  start = 0,
): ImplantUse {
  return {
    id,
    kind: 'cement',
    fixedTo,
    path: (ctx, p) => {
      const full = fullMl(ctx);
      const q = Math.max(0, (p - start) / (1 - start));
      const now = injected(ctx, typeof fromMl === 'number' ? fromMl : fromMl(ctx), full, q);
      // A hair of cement at the tip rather than nothing, so the bolus never has zero size.
      return {
        tip: at(ctx),
        direction: trocarPath(ctx).direction,
        size: Math.cbrt(Math.max(now, 0.01) / full),
      };
    },
    shape: (ctx) => [fullMl(ctx)],
  };
}

/** Where leaked cement collects: outside the thinnest wall, against the bone. */
export function leakSite(ctx: PlanContext): Vec3 {
  const wall = thinnestWall(ctx);
  const leakRadius = Math.cbrt((3 * cementPlan(ctx).leak * 1000) / (4 * Math.PI));
  const out = lesionRadius(ctx) + Math.max(0, wall.mm) + 0.7 * leakRadius;
  return add(lesionCentre(ctx), scale(wall.direction, out));
}

/**
 * The lesion and the needle's path seen from their side, a little from above, at `distance` mm;
 * `towardSkin` (0–1) moves the view's centre from the lesion along the path to the skin nick.
 */
export function lesionView(distance: number, towardSkin = 0.3) {
  return (ctx: StepContext) => {
    const d = trocarPath(ctx).direction;
    // The tibia from in front and outside; the femur from behind and inside, as the kneecap hides it from in front.
    const side = scale(normalize(cross([0, 1, 0], d)), lesionSite(ctx) === 'tibia' ? 1 : -1);
    const centre = lesionCentre(ctx);
    const target = add(centre, scale(sub(skinNick(ctx), centre), towardSkin));
    return { target, from: add(add(side, scale(d, -0.45)), [0, 0.45, 0]), distance };
  };
}

/** The model's tibia from knee centre to plafond, its femur from knee centre to hip centre, mm. */
export const BONE_LENGTH: Record<LesionSite, number> = { tibia: 383.3, femur: 435 };
/** The default lesion's centre, mm from the knee centre down the tibia or up the femur (CLINICAL §3: subchondral, in the metaphysis). */
export const LESION_LEVEL: Record<LesionSite, number> = { tibia: 23, femur: 39 };
/** The largest lesion's radius, mm (the `lesion` parameter's maximum, 45 mm, halved). */
export const LARGEST_RADIUS = 22.5;

/**
 * Where the needle's tip works (CLINICAL §3): at the centre of the lesion — a cavity, so its
 * radius from the bone around it — at the lesion's level in the metaphysis.
 */
export function atLesion(site: LesionSite): ToolTarget {
  const [from, to] = site === 'tibia' ? ['kneeCentre', 'plafondCentre'] : ['kneeCentre', 'hipCentre'];
  return {
    part: site,
    station: { from, to, at: LESION_LEVEL[site] / BONE_LENGTH[site], within: 4 },
    within: LARGEST_RADIUS + 0.5,
  };
}

export function steps(site: LesionSite, leaks: boolean): StepDef[] {
  const host = HOST[site];
  const lesionTarget = atLesion(site);
  const injecting = (id: string) => trocar(id, lesionTarget, INJECTING_BACK);
  return [
    { id: 'lesion', duration: 3, fluoro: 'ap', cuts: ['lesion'], camera: lesionView(250) },
    { id: 'anaesthesia', phase: 'open', duration: 3, skin: true, camera: lesionView(260) },
    {
      id: 'nick',
      phase: 'open',
      duration: 3,
      skin: true,
      camera: lesionView(150, 1),
      instruments: [
        {
          id: 'scalpel',
          kind: 'scalpel',
          path: nickStroke,
        },
      ],
    },
    {
      id: 'trocar',
      duration: 5,
      fluoro: 'ap',
      camera: lesionView(240),
      instruments: [trocar('trocar-in', lesionTarget, pushedIn)],
    },
    {
      id: 'check',
      duration: 3,
      fluoro: 'lat',
      camera: lesionView(240),
      instruments: [trocar('trocar-check', lesionTarget, 0)],
    },
    {
      id: 'cement-first',
      duration: 4,
      fluoro: 'lat',
      camera: lesionView(200),
      instruments: [injecting('trocar-first')],
      implants: [bolus('cement-first', host, lesionCentre, firstMl, 0)],
    },
    {
      id: 'cement-fill',
      duration: 6,
      fluoro: 'ap',
      camera: lesionView(200),
      instruments: [injecting('trocar-fill')],
      implants: [
        bolus('cement', host, lesionCentre, inLesionMl, firstMl),
        // Cement that escapes once the lesion is full, or when pushed too fast: in the step's second half.
        ...(leaks ? [bolus('leak', host, leakSite, leakedMl, 0, 0.5)] : []),
      ],
    },
    {
      id: 'withdraw',
      duration: 3,
      camera: lesionView(240),
      instruments: [
        // Drawn back until its tip leaves the bone where it went in (then out of the skin).
        trocar('trocar-out', { part: site, side: ENTRY_SIDE[site] }, drawnOut),
      ],
    },
    { id: 'setting', duration: 4, skin: true, clock: SETTING_MINUTES, camera: lesionView(230) },
    {
      id: 'stand',
      phase: 'close',
      duration: 4,
      skin: true,
      clock: STAND_UP_MINUTES,
      camera: lesionView(320),
    },
  ];
}
