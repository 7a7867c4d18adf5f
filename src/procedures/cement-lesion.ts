/**
 * Percutaneous cementoplasty's geometry (CLINICAL §3): a lytic lesion, a sphere in the distal femur
 * or the proximal tibia, reached by a trocar along a straight path from an anteromedial skin nick;
 * the cement fills it in increments. Pure maths for the cementoplasty procedure.
 *
 * Frame: right leg, +X medial, +Y up, +Z anterior, mm.
 */
import { add, cross, length, normalize, scale, sub, type Vec3 } from '../anatomy/sdf';
import { femoralFrame, tibialFrame } from '../clinical/knee-planning';
import type { ConvexPiece } from '../geometry/cutters';
import { icosphere, volumeAndCentroid } from '../geometry/icosphere';
import type { PlanContext } from './types';

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

/** The lesion's site from the parameters. */
export const lesionSite = (ctx: PlanContext): LesionSite => (ctx.params.site === 'femur' ? 'femur' : 'tibia');

/** The lesion's radius, mm (its diameter is the `lesion` parameter). */
export const lesionRadius = (ctx: PlanContext): number => Number(ctx.params.lesion ?? 30) / 2;

/** The lesion's volume, mL. */
export const lesionVolume = (ctx: PlanContext): number => mm3ToMl((4 / 3) * Math.PI * lesionRadius(ctx) ** 3);

/**
 * The lesion's centre: its wall kept clear of the joint, in the middle of the metaphysis's section
 * at that level (medio-laterally and antero-posteriorly), where the most bone surrounds it.
 */
export function lesionCentre(ctx: PlanContext): Vec3 {
  const site = lesionSite(ctx);
  const f = site === 'tibia' ? tibialFrame(ctx.landmarks) : femoralFrame(ctx.landmarks);
  const depth = lesionRadius(ctx) + SUBCHONDRAL + (site === 'femur' ? ABOVE_NOTCH : 0);
  const onAxis = add(f.origin, scale(f.axis, depth));
  const [ml0, ml1] = ctx.gauge.span(site, onAxis, f.axis, f.medial);
  const [ap0, ap1] = ctx.gauge.span(site, onAxis, f.axis, [0, 0, 1]);
  return add(add(onAxis, scale(f.medial, (ml0 + ml1) / 2)), [0, 0, (ap0 + ap1) / 2]);
}

/** Unit direction the trocar travels in: from anteromedial, slightly towards the joint-free side. */
export function trocarDirection(): Vec3 {
  // Into the bone from in front and medially (away from the vessels behind the knee).
  return normalize([-0.55, 0, -0.84]);
}

/** Where the trocar enters (outside the skin) and its tip at the lesion's centre. */
export function trocarPath(ctx: PlanContext) {
  const tip = lesionCentre(ctx);
  const d = trocarDirection();
  return { entry: add(tip, scale(d, -PATH_LENGTH)), tip, direction: d };
}

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

/** Cement in and its share of the lesion: fill % = injected / lesion volume; a leak past 100 %. */
export function cementFill(ctx: PlanContext, injectedMl: number) {
  const lesion = lesionVolume(ctx);
  return { injected: injectedMl, fill: (100 * injectedMl) / lesion, leak: Math.max(0, injectedMl - lesion) };
}

/** How far the trocar's tip is from the lesion's centre (0 when placed as planned), mm. */
export function tipOffset(ctx: PlanContext, tip: Vec3): number {
  return length(sub(tip, lesionCentre(ctx)));
}
