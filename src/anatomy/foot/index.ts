/**
 * The bones of an adult man's right foot as signed distance functions.
 * Region frame: +X medial, +Y up (sole on y = 0), +Z anterior (heel at z = 0), mm.
 */
import type { BoneDef } from '../types';
import type { Sdf } from '../sdf';
import type { Vec3 } from '../vec';
import { FOOT_PARTS, type FootPart } from '../parts';
import { D1_1, M1, M2, M3, M4, M5, P1_1, TOE2, TOE3, TOE4, TOE5, type Ray } from './layout';
import {
  ARTICULAR_LATERAL,
  ARTICULAR_MEDIAL,
  d1,
  EMINENCE_CENTRE,
  eminence,
  m1,
  p1,
  SES_LAT_C,
  SES_MED_C,
  SESAMOID_GROOVE,
  sesLatRaw,
  sesMedRaw,
} from './firstRay';
import { m2Raw, m3Raw, m4Raw, m5Raw, toe2, toe3, toe4, toe5 } from './lesserRays';
import { calcaneusRaw, talus } from './hindfoot';
import {
  CUBOID_C,
  cuboid,
  CUN_INT_C,
  CUN_LAT_C,
  CUN_MED_C,
  cuneiformIntermediate,
  cuneiformLateral,
  cuneiformMedial,
  NAVICULAR_C,
  navicular,
} from './midfoot';
import { skinFoot } from './skin';
import { autoBounds, boxAround, boxSdf, capsuleRadius, culled } from './util';
import { capsule } from '../sdf';
import { add, cross, normalize, scale, sub } from '../vec';
import { BAKED } from './baked';

interface Spec {
  readonly sdf: Sdf;
  readonly search: { min: Vec3; max: Vec3 };
  readonly edge: number;
  readonly maxTriangles: number;
  readonly landmarks: Record<string, Vec3>;
  readonly soft?: boolean;
}

const longBone = (r: Ray, sdf: Sdf, edge: number, maxTriangles: number, pad = 12): Spec => ({
  sdf,
  search: boxAround([r.base, r.head], pad + r.headR),
  edge,
  maxTriangles,
  landmarks: { base: r.base, head: r.head },
});

const tarsal = (sdf: Sdf, centre: Vec3, min: Vec3, max: Vec3, edge = 1.0, maxTriangles = 3500): Spec => ({
  sdf,
  search: { min, max },
  edge,
  maxTriangles,
  landmarks: { centre },
});

const SPECS: Record<FootPart, Spec> = {
  calcaneus: tarsal(calcaneusRaw, [-8, 25, 40], [-55, -8, -10], [40, 62, 100], 1.1, 4000),
  talus: tarsal(talus, [3, 47, 48], [-30, 15, 5], [45, 75, 112], 1.0, 3800),
  navicular: tarsal(navicular, NAVICULAR_C, [-22, 12, 82], [52, 64, 128], 0.9),
  cuboid: tarsal(cuboid, CUBOID_C, [-62, -8, 68], [0, 52, 140], 0.9),
  cuneiformMedial: tarsal(cuneiformMedial, CUN_MED_C, [-5, 0, 98], [44, 60, 158], 0.85),
  cuneiformIntermediate: tarsal(cuneiformIntermediate, CUN_INT_C, [-18, 2, 98], [22, 52, 152], 0.8, 2500),
  cuneiformLateral: tarsal(cuneiformLateral, CUN_LAT_C, [-34, 0, 98], [10, 50, 154], 0.8, 2500),
  metatarsal1: {
    ...longBone(M1, m1, 0.6, 8000),
    landmarks: {
      base: M1.base,
      head: M1.head,
      articularMedial: ARTICULAR_MEDIAL,
      articularLateral: ARTICULAR_LATERAL,
      eminence: EMINENCE_CENTRE,
      sesamoidGroove: SESAMOID_GROOVE,
    },
  },
  metatarsal2: longBone(M2, m2Raw, 0.7, 3000),
  metatarsal3: longBone(M3, m3Raw, 0.7, 3000),
  metatarsal4: longBone(M4, m4Raw, 0.7, 3000),
  metatarsal5: longBone(M5, m5Raw, 0.7, 3000, 16),
  proximalPhalanx1: longBone(P1_1, p1, 0.55, 3500),
  proximalPhalanx2: longBone(TOE2.prox, toe2.prox, 0.6, 2500),
  proximalPhalanx3: longBone(TOE3.prox, toe3.prox, 0.6, 2500),
  proximalPhalanx4: longBone(TOE4.prox, toe4.prox, 0.6, 2500),
  proximalPhalanx5: longBone(TOE5.prox, toe5.prox, 0.6, 2500),
  middlePhalanx2: longBone(TOE2.midd, toe2.midd, 0.5, 2000, 8),
  middlePhalanx3: longBone(TOE3.midd, toe3.midd, 0.5, 2000, 8),
  middlePhalanx4: longBone(TOE4.midd, toe4.midd, 0.5, 2000, 8),
  middlePhalanx5: longBone(TOE5.midd, toe5.midd, 0.5, 1800, 8),
  distalPhalanx1: longBone(D1_1, d1, 0.55, 3000),
  distalPhalanx2: longBone(TOE2.dist, toe2.dist, 0.5, 1800, 8),
  distalPhalanx3: longBone(TOE3.dist, toe3.dist, 0.5, 1800, 8),
  distalPhalanx4: longBone(TOE4.dist, toe4.dist, 0.5, 1800, 8),
  distalPhalanx5: longBone(TOE5.dist, toe5.dist, 0.5, 1600, 8),
  sesamoidMedial: tarsal(
    sesMedRaw,
    SES_MED_C,
    [SES_MED_C[0] - 12, -8, SES_MED_C[2] - 12],
    [SES_MED_C[0] + 12, 15, SES_MED_C[2] + 12],
    0.45,
    1500,
  ),
  sesamoidLateral: tarsal(
    sesLatRaw,
    SES_LAT_C,
    [SES_LAT_C[0] - 12, -8, SES_LAT_C[2] - 12],
    [SES_LAT_C[0] + 12, 15, SES_LAT_C[2] + 12],
    0.45,
    1500,
  ),
  eminence: tarsal(
    eminence,
    EMINENCE_CENTRE,
    [EMINENCE_CENTRE[0] - 14, EMINENCE_CENTRE[1] - 14, EMINENCE_CENTRE[2] - 14],
    [EMINENCE_CENTRE[0] + 14, EMINENCE_CENTRE[1] + 14, EMINENCE_CENTRE[2] + 14],
    0.5,
    1500,
  ),
  skinFoot: {
    sdf: skinFoot,
    search: { min: [-95, -35, 100], max: [70, 65, 285] },
    edge: 2.5,
    maxTriangles: 6000,
    landmarks: { centre: [-10, 10, 195] },
    soft: true,
  },
};

type Baked = { min: Vec3; max: Vec3; capsule?: number };

/** Margin the bake leaves around each bone (mm); the load-time check demands ≥ 2 mm plus sampling slack. */
const BAKE_MARGIN = 4;
/** Spacing of the load-time check's samples (mm); each sample must be ≥ CHECK_CLEAR outside the bone. */
const CHECK_STEP = 1.5;
const CHECK_CLEAR = CHECK_STEP * Math.SQRT1_2 + 0.01;

/**
 * Whether a baked entry still encloses the bone: the bone (one connected shell whose centre lies inside)
 * is then strictly inside the box 2 mm within the bounds and inside the culling capsule. Samples the box
 * faces 2 mm inside the bounds and the capsule surface, each sample required clearly outside the bone
 * (the sdf is a distance bound, so a clear sample also clears the patch around it).
 */
export function bakeEncloses(f: Sdf, b: Baked, base?: Vec3, head?: Vec3): boolean {
  const lo = [b.min[0] + 2, b.min[1] + 2, b.min[2] + 2];
  const hi = [b.max[0] - 2, b.max[1] - 2, b.max[2] - 2];
  const p = [0, 0, 0];
  for (let axis = 0; axis < 3; axis++) {
    const a1 = (axis + 1) % 3;
    const a2 = (axis + 2) % 3;
    const n1 = Math.ceil((hi[a1]! - lo[a1]!) / CHECK_STEP);
    const n2 = Math.ceil((hi[a2]! - lo[a2]!) / CHECK_STEP);
    for (const side of [lo[axis]!, hi[axis]!])
      for (let i = 0; i <= n1; i++)
        for (let j = 0; j <= n2; j++) {
          p[axis] = side;
          p[a1] = lo[a1]! + ((hi[a1]! - lo[a1]!) * i) / n1;
          p[a2] = lo[a2]! + ((hi[a2]! - lo[a2]!) * j) / n2;
          if (f(p[0]!, p[1]!, p[2]!) < CHECK_CLEAR) return false;
        }
  }
  if (b.capsule && base && head) {
    // Culling starts 2 mm outside the capsule; the bone must keep inside the capsule itself.
    const r = b.capsule;
    const w = normalize(sub(head, base));
    const u = normalize(cross(Math.abs(w[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0], w));
    const v = cross(w, u);
    const len = Math.hypot(head[0] - base[0], head[1] - base[1], head[2] - base[2]);
    const nRing = Math.ceil((2 * Math.PI * r) / CHECK_STEP);
    // Cylinder, then the two hemispherical caps (as rings of shrinking radius).
    const ring = (c: Vec3, rr: number): boolean => {
      for (let k = 0; k < nRing; k++) {
        const t = (2 * Math.PI * k) / nRing;
        const q = add(c, add(scale(u, rr * Math.cos(t)), scale(v, rr * Math.sin(t))));
        if (f(q[0], q[1], q[2]) < CHECK_CLEAR) return false;
      }
      return true;
    };
    for (let s = 0; s <= len; s += CHECK_STEP) if (!ring(add(base, scale(w, s)), r)) return false;
    const nCap = Math.ceil((Math.PI * r) / 2 / CHECK_STEP);
    for (let k = 1; k <= nCap; k++) {
      const ang = ((Math.PI / 2) * k) / nCap;
      const rr = r * Math.cos(ang);
      const off = r * Math.sin(ang);
      if (!ring(add(head, scale(w, off)), rr) || !ring(add(base, scale(w, -off)), rr)) return false;
    }
  }
  return true;
}

/** Bounds and enclosing-capsule radii, as `bakeFootBounds()` computes them (kept in baked.ts for speed). */
export function bakeFootBounds(): Record<string, Baked> {
  const out: Record<string, Baked> = {};
  for (const id of FOOT_PARTS) {
    const s = SPECS[id];
    const step = s.soft ? 2.5 : 1;
    const { base, head } = s.landmarks;
    // Grow the margin until the load-time check passes (the sdfs are distance bounds, not exact).
    for (let margin = BAKE_MARGIN; ; margin += 0.5) {
      const bounds = autoBounds(s.sdf, s.search, margin, step);
      // The search box must not clip the bone: its bounds have to stay clear of the search box faces.
      for (let i = 0; i < 3; i++)
        if (
          bounds.min[i]! + margin <= s.search.min[i]! + step ||
          bounds.max[i]! - margin >= s.search.max[i]! - step
        )
          throw new Error(`${id}: the bone reaches its search box (axis ${i}); enlarge it in SPECS`);
      const entry: Baked =
        base && head
          ? {
              ...bounds,
              capsule: Math.ceil((capsuleRadius(s.sdf, base, head, bounds) + margin - 1.5) * 10) / 10,
            }
          : bounds;
      if (s.soft || bakeEncloses(s.sdf, entry, base, head)) {
        out[id] = entry;
        break;
      }
      if (margin > 8) throw new Error(`${id}: baked bounds do not enclose the bone with 2 mm margin`);
    }
  }
  return out;
}

function makeBone(id: FootPart): BoneDef {
  const s = SPECS[id];
  const { base, head } = s.landmarks;
  let baked = BAKED[id];
  if (baked && !s.soft && !bakeEncloses(s.sdf, baked, base, head)) {
    // A stale bake must never cut a bone: fall back to exact (slow) bounds and no culling.
    console.warn(`foot/${id}: baked bounds are stale (run npx tsx scripts/bake-foot-bounds.ts); recomputing`);
    baked = undefined;
  }
  const bounds = baked ?? autoBounds(s.sdf, s.search, BAKE_MARGIN, s.soft ? 2.5 : 1);
  let sdf = s.sdf;
  if (baked) {
    const shrink = (v: Vec3, d: number): Vec3 => [v[0] + d, v[1] + d, v[2] + d];
    const box = boxSdf(shrink(baked.min, 2.5), shrink(baked.max, -2.5));
    const cap = base && head && baked.capsule ? capsule(base, head, baked.capsule) : undefined;
    sdf = culled(s.sdf, cap ? (x, y, z) => Math.max(box(x, y, z), cap(x, y, z)) : box, 2);
  }
  return {
    id,
    sdf,
    bounds: { min: bounds.min, max: bounds.max },
    maxTriangles: s.maxTriangles,
    edge: s.edge,
    landmarks: s.landmarks,
    ...(s.soft ? { soft: true } : {}),
  };
}

export const FOOT_BONES: readonly BoneDef[] = FOOT_PARTS.map(makeBone);
