/** Skin envelope of the forefoot: rays dilated, a plantar fat pad, cut flat proximally. */
import type { Sdf } from '../sdf';
import type { Vec3 } from '../vec';
import { ellipsoid, halfSpace, roundCone, smoothIntersect, smoothUnion } from '../sdf';
import { add, scale } from '../vec';
import { D1_1, M1, M2, M3, M4, M5, P1_1, TOE2, TOE3, TOE4, TOE5, type Ray, type Toe } from './layout';

const tip = (r: Ray, extra: number): Vec3 => add(r.head, scale(r.dir, extra));
const lower = (p: Vec3, dy: number): Vec3 => [p[0], p[1] - dy, p[2]];

function toeTube(t: Toe, r0: number, r1: number): Sdf {
  return smoothUnion(
    3,
    roundCone(t.prox.base, t.midd.base, r0, r1 + 0.5),
    roundCone(t.midd.base, lower(tip(t.dist, 0.5), 0.5), r1 + 0.5, r1),
  );
}

export const SKIN_CUT_Z = 120;

export const skinFoot: Sdf = (() => {
  const rays = smoothUnion(
    9,
    roundCone(lower(M1.base, 2), lower(M1.head, 2), 19, 14),
    roundCone(lower(M2.base, 1), lower(M2.head, 3), 15, 11),
    roundCone(lower(M3.base, 2), lower(M3.head, 3), 14, 11),
    roundCone(lower(M4.base, 2), lower(M4.head, 3), 14, 11),
    roundCone([M5.base[0] - 5, M5.base[1] - 3, M5.base[2]], lower(M5.head, 3), 16, 11),
    // dorsum of the tarsometatarsal region
    roundCone([20, 28, 128], [-42, 16, 122], 21, 17),
    // plantar fat pad under the heads
    ellipsoid([-12, 2, 180], [44, 10, 20], [0.97, 0, 0.25], [0, 1, 0]),
  );
  const hallux = smoothUnion(
    3,
    roundCone(P1_1.base, P1_1.head, 12, 11),
    roundCone(P1_1.head, lower(tip(D1_1, 1), 1), 11, 10),
  );
  const toes = [
    toeTube(TOE2, 8.5, 6.5),
    toeTube(TOE3, 8, 6.2),
    toeTube(TOE4, 7.6, 6),
    toeTube(TOE5, 7.4, 5.6),
  ];
  let f = smoothUnion(6, rays, hallux);
  for (const t of toes) f = smoothUnion(5, f, t);
  return smoothIntersect(2, f, halfSpace([0, 0, SKIN_CUT_Z], [0, 0, -1]));
})();
