/**
 * Percutaneous cementoplasty's geometry (CLINICAL §3): a lytic lesion, a sphere in the distal femur
 * or the proximal tibia, reached by a trocar along a straight path from an anteromedial skin nick;
 * the cement fills it in increments. Pure maths for the cementoplasty procedure.
 *
 * Frame: right leg, +X medial, +Y up, +Z anterior, mm.
 */
import { add, cross, dot, length, normalize, scale, sub, type Vec3 } from '../../../anatomy/vec';
import { femoralFrame, tibialFrame } from '../../../clinical/knee-cut-geometry';
import type { ConvexPiece } from '../../../geometry/cutters';
import { icosphere, volumeAndCentroid } from '../../kit/icosphere';
import { caseMemo, perContext } from '../../kit/case-memo';
import type { PlanContext } from '../../types';

export type LesionSite = 'femur' | 'tibia';

/** Trocar outer diameters by gauge, mm (10–13 G). */
export const TROCAR_DIAMETER: Readonly<Record<number, number>> = { 10: 3.4, 11: 3.0, 12: 2.8, 13: 2.4 };
/** The lesion's wall stays this far from the joint surface, mm (subchondral bone kept). */
const SUBCHONDRAL = 8;
/** The femur's lesion sits above the notch: this much further from the joint, mm. */
const ABOVE_NOTCH = 14;
/** The trocar enters this far out from the lesion's centre, mm: outside the skin. */
const PATH_LENGTH = 90;

const mm3ToMl = (v: number) => v / 1000;

/** What the lesion's size and site need: the parameters alone. */
type WithParams = Pick<PlanContext, 'params'>;

/** The lesion's site from the parameters. */
export const lesionSite = (ctx: WithParams): LesionSite => (ctx.params.site === 'femur' ? 'femur' : 'tibia');

/** The lesion's radius, mm (its diameter is the `lesion` parameter). */
export const lesionRadius = (ctx: WithParams): number => Number(ctx.params.lesion ?? 30) / 2;

/** The lesion's volume, mL. */
export const lesionVolume = (ctx: WithParams): number => mm3ToMl((4 / 3) * Math.PI * lesionRadius(ctx) ** 3);

/** What a lesion's placement depends on besides the patient: its site and size. */
const lesionKey = (ctx: PlanContext) => `${lesionSite(ctx)}|${lesionRadius(ctx)}`;

/**
 * The lesion's centre: its wall kept clear of the joint, in the middle of the metaphysis's section
 * at that level (medio-laterally and antero-posteriorly), where the most bone surrounds it.
 */
export function lesionCentre(ctx: PlanContext): Vec3 {
  return centres(ctx);
}

const centres = caseMemo((ctx): Vec3 => {
  const site = lesionSite(ctx);
  const f = site === 'tibia' ? tibialFrame(ctx.landmarks) : femoralFrame(ctx.landmarks);
  const depth = lesionRadius(ctx) + SUBCHONDRAL + (site === 'femur' ? ABOVE_NOTCH : 0);
  const onAxis = add(f.origin, scale(f.axis, depth));
  const [ml0, ml1] = ctx.gauge.span(site, onAxis, f.axis, f.medial);
  const [ap0, ap1] = ctx.gauge.span(site, onAxis, f.axis, [0, 0, 1]);
  return add(add(onAxis, scale(f.medial, (ml0 + ml1) / 2)), [0, 0, (ap0 + ap1) / 2]);
}, lesionKey);

/**
 * Unit direction the trocar travels in. The tibia is entered on its flat anteromedial face, under
 * the skin alone; the femur from medial and a little in front, behind the patella and clear of the
 * vessels behind the knee.
 */
export function trocarDirection(site: LesionSite): Vec3 {
  return site === 'tibia' ? normalize([-0.55, 0, -0.84]) : normalize([-0.92, 0, -0.38]);
}

/** Where the trocar enters (outside the skin) and its tip at the lesion's centre. */
export const trocarPath = perContext((ctx: PlanContext) => {
  const tip = lesionCentre(ctx);
  const d = trocarDirection(lesionSite(ctx));
  return { entry: add(tip, scale(d, -PATH_LENGTH)), tip, direction: d };
});

/** Where the trocar's path crosses the skin: the skin nick. */
export function skinNick(ctx: PlanContext): Vec3 {
  return nicks(ctx);
}

const nicks = caseMemo((ctx): Vec3 => {
  const { tip, direction } = trocarPath(ctx);
  const back = scale(direction, -1);
  return add(tip, scale(back, ctx.gauge.reach('skinKnee', tip, back)));
}, lesionKey);

/** Directions the lesion's wall is sounded in: the icosahedron's 12 vertices and 20 face centres. */
const SOUNDINGS: readonly Vec3[] = (() => {
  const ico = icosphere(0);
  const centres = ico.faces.map(([a, b, c]) =>
    normalize(add(add(ico.points[a]!, ico.points[b]!), ico.points[c]!)),
  );
  return [...ico.points, ...centres];
})();

/**
 * The thinnest bone between the lesion and the outside: the wall's thickness there (negative where
 * the lesion already breaks through the cortex), mm, and the direction from the centre. Sounded
 * away from the joint (cement is never steered into it) along 32 directions.
 */
export function thinnestWall(ctx: PlanContext): { mm: number; direction: Vec3 } {
  return walls(ctx);
}

const walls = caseMemo((ctx): { mm: number; direction: Vec3 } => {
  const site = lesionSite(ctx);
  const f = site === 'tibia' ? tibialFrame(ctx.landmarks) : femoralFrame(ctx.landmarks);
  const centre = lesionCentre(ctx);
  const r = lesionRadius(ctx);
  let best = { mm: Infinity, direction: f.medial };
  for (const d of SOUNDINGS) {
    if (dot(d, f.axis) < -0.3) continue;
    const mm = ctx.gauge.reach(site, centre, d) - r;
    if (mm < best.mm) best = { mm, direction: d };
  }
  return best;
}, lesionKey);
const SPHERE = icosphere(2);
/** Scaling the unit icosphere's points by this gives a polyhedron of the unit sphere's volume. */
const SPHERE_SCALE = Math.cbrt(((4 / 3) * Math.PI) / volumeAndCentroid(SPHERE.points, SPHERE.faces).volume);

/** The lesion as a convex solid of exactly the sphere's volume. */
export function lesionSolid(ctx: PlanContext): ConvexPiece {
  const c = lesionCentre(ctx);
  const r = lesionRadius(ctx) * SPHERE_SCALE;
  return SPHERE.points.map((p) => add(c, scale(p, r)));
}

/**
 * The trocar's track through the bone: a prism of its diameter from outside the skin to just
 * inside the lesion. It keeps the cavity open to the surface (one closed surface, as the cut
 * code needs) and barely enters the lesion (1 mm), so the cavity's volume is the lesion's.
 */
export function trocarTrack(ctx: PlanContext): ConvexPiece {
  const gauge = Number(ctx.params.gauge ?? 11);
  const radius = (TROCAR_DIAMETER[gauge] ?? 3) / 2;
  const { entry, direction } = trocarPath(ctx);
  const end = add(lesionCentre(ctx), scale(direction, -(lesionRadius(ctx) - 1)));
  const u = normalize(cross(direction, [0, 1, 0]));
  const v = cross(u, direction);
  const pts: Vec3[] = [];
  for (const p of [entry, end])
    for (let k = 0; k < 8; k++) {
      const a = (k / 8) * 2 * Math.PI;
      pts.push(add(p, add(scale(u, radius * Math.cos(a)), scale(v, radius * Math.sin(a)))));
    }
  return pts;
}

/** Injected in one increment at a safe pace, mL (CLINICAL §3: 0.1–0.2 mL, an image after each). */
export const SAFE_INCREMENT = 0.2;
/**
 * Pushed faster, cement meets resistance it cannot spread into: this share of each increment's
 * excess over a safe one leaks out (the app's illustration of "forcing the pace", not a source's).
 */
const FORCED_LEAK_SHARE = 0.5;

/**
 * Cement in, where it goes and its share of the lesion: what the lesion cannot hold leaks out, and
 * so does part of each increment pushed faster than a safe one; fill % = what stays / lesion volume
 * (injected / lesion volume when nothing leaks).
 */
export function cementFill(ctx: WithParams, injectedMl: number, incrementMl = SAFE_INCREMENT) {
  const lesion = lesionVolume(ctx);
  const overflow = Math.max(0, injectedMl - lesion);
  const forced =
    incrementMl > SAFE_INCREMENT + 1e-9
      ? (FORCED_LEAK_SHARE * (incrementMl - SAFE_INCREMENT) * (injectedMl - overflow)) / incrementMl
      : 0;
  const leak = overflow + forced;
  const inLesion = injectedMl - leak;
  return { injected: injectedMl, fill: (100 * inLesion) / lesion, leak, inLesion };
}

/** How far the trocar's tip is from the lesion's centre (0 when placed as planned), mm. */
export function tipOffset(ctx: PlanContext, tip: Vec3): number {
  return length(sub(tip, lesionCentre(ctx)));
}
