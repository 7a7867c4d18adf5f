/**
 * Right talus under the tibial plafond. Top of the trochlear dome at (0, −385, 0) (ankle centre).
 */
import { ellipsoid, roundBox, roundCone, sphere, type Sdf } from '../sdf';
import { normalize, type Vec3 } from '../vec';
import { bounded, domedCondyle, smin, ssub } from './prims';

export const ANKLE_CENTRE: Vec3 = [0, -385, 0];

// Trochlea: a cylinder-like dome along X (sagittal radius ≈ 21), slightly wider anteriorly.
const dome = domedCondyle([0, -406, -1], 21, 22, -15.5, 14.5, 4, 1);
const body = roundBox([0, -404, -3], [16, 10, 17], 7);
const lateralProcess = ellipsoid([-15, -404, -3], [6, 11, 10]);
const posteriorProcess = sphere([-3, -406, -19], 5);
const neck = roundCone([2, -401, 10], [8, -404, 22], 11, 10);
const head = ellipsoid([9, -405, 25], [15, 11, 9], normalize([1, -0.25, 0.35]), [0, 1, 0]);
// Central trochlear groove, shallow, and the sulcus tali underneath.
const trochlearGroove = ellipsoid([-0.5, -380.6, -1], [3.5, 3, 30]);
const sulcus = roundCone([-12, -419, 8], [8, -418, -6], 4, 4);

export const talusSdf: Sdf = bounded(
  (x, y, z) => {
    let d = smin(6, Math.max(dome(x, y, z), -407 - y), body(x, y, z));
    d = smin(5, d, lateralProcess(x, y, z));
    d = smin(4, d, posteriorProcess(x, y, z));
    d = smin(6, d, neck(x, y, z));
    d = smin(6, d, head(x, y, z));
    d = ssub(2, d, trochlearGroove(x, y, z));
    d = ssub(3, d, sulcus(x, y, z));
    return d;
  },
  [-24, -420, -28],
  [28, -383, 40],
  6,
);

export const TALUS_BOUNDS = { min: [-25, -426, -29] as Vec3, max: [27, -382, 39] as Vec3 };
