/**
 * Soft-tissue envelope of the knee region (y −170 … +170), drawn translucent: thin over the patella
 * and the tibial crest, thicker behind (hamstrings, gastrocnemius).
 */
import { ellipsoid, halfSpace, roundCone, smoothIntersect, sphere, type Sdf } from '../sdf';
import { type Vec3 } from '../vec';
import { smin } from './prims';
import { patellaSdf } from './patella';

const thigh = roundCone([-15, 185, -4], [-4, 75, -2], 48, 46);
const hamstrings = ellipsoid([-4, 110, -26], [40, 80, 30]);
const knee = ellipsoid([-2, 16, 2], [58, 58, 50]);
const patellaPad = (x: number, y: number, z: number): number => patellaSdf(x, y, z) - 7;
const tuberosityPad = sphere([-4, -32, 22], 17);
const shin = roundCone([0, -40, -6], [1, -185, -6], 42, 36);
const calf = ellipsoid([-2, -105, -28], [46, 78, 34]);
const peroneals = ellipsoid([-28, -110, -10], [30, 75, 28]);
const fibulaHead = ellipsoid([-38, -40, -14], [24, 36, 26]);

const envelope: Sdf = (x, y, z) => {
  let d = smin(20, thigh(x, y, z), hamstrings(x, y, z));
  d = smin(20, d, knee(x, y, z));
  d = smin(
    12,
    d,
    y > 0 && y < 90 && z > 20 ? patellaPad(x, y, z) : Math.max(10, Math.hypot(x + 2, y - 41, z - 45) - 30),
  );
  d = smin(14, d, tuberosityPad(x, y, z));
  d = smin(25, d, shin(x, y, z));
  d = smin(25, d, calf(x, y, z));
  d = smin(14, d, fibulaHead(x, y, z));
  d = smin(20, d, peroneals(x, y, z));
  return d;
};

const top = halfSpace([0, 170, 0], [0, 1, 0]);
const bottom = halfSpace([0, -170, 0], [0, -1, 0]);

export const skinSdf: Sdf = smoothIntersect(2, smoothIntersect(2, envelope, top), bottom);

export const SKIN_BOUNDS = { min: [-80, -174, -80] as Vec3, max: [75, 174, 78] as Vec3 };
