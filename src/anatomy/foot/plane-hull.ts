/** Convex blocks bounded by planes, with rounded edges: the tarsals' flat joint sides and facets. */
import type { Sdf } from '../sdf';
import type { Vec3 } from '../vec';
import { smoothIntersect } from '../sdf';
import { normalize } from '../vec';

/** A plane as [point on it, outward normal]. */
export type Plane = readonly [Vec3, Vec3];

/** The inside of several planes, edges rounded by a smooth maximum of about k mm (a convex block). */
export function hull(k: number, planes: readonly Plane[]): Sdf {
  const ps = planes.map(([p, n]) => {
    const nn = normalize(n);
    return [p[0], p[1], p[2], nn[0], nn[1], nn[2]] as const;
  });
  return (x, y, z) => {
    let d = -Infinity;
    for (const [px, py, pz, nx, ny, nz] of ps) {
      const b = (x - px) * nx + (y - py) * ny + (z - pz) * nz;
      if (d === -Infinity) {
        d = b;
        continue;
      }
      const h = Math.max(0, Math.min(1, 0.5 - (0.5 * (b - d)) / k));
      d = b + (d - b) * h + k * h * (1 - h);
    }
    return d;
  };
}

/** Keeps the inside of extra planes (smoothly, never beyond the hard cut). */
export const within = (k: number, f: Sdf, ...planes: Plane[]): Sdf => smoothIntersect(k, f, hull(k, planes));
