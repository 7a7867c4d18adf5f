import type { Vec3 } from './vec';

/** Where a rotation applies in full: weight = smoothstep(from, to, (p − origin)·dir), mm. */
export interface Blend {
  readonly origin: Vec3;
  readonly dir: Vec3;
  readonly from: number;
  readonly to: number;
}

/** A rotation (degrees) about an axis through pivot; with a blend it bends the bone instead. */
export interface RotateOp {
  readonly kind: 'rotate';
  readonly pivot: Vec3;
  readonly axis: Vec3;
  readonly angle: number;
  readonly blend?: Blend;
}

/** A stretch by factor along dir about pivot (grows or shrinks the bunion). */
export interface StretchOp {
  readonly kind: 'stretch';
  readonly pivot: Vec3;
  readonly dir: Vec3;
  readonly factor: number;
}

export type PoseOp = RotateOp | StretchOp;
/** The operations that take a part from its rest shape to the patient's, applied in order. */
export type PartPose = readonly PoseOp[];

const DEG = Math.PI / 180;

function smoothstep(a: number, b: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
}

function weightAt(op: RotateOp, x: number, y: number, z: number): number {
  const b = op.blend;
  if (!b) return 1;
  const s = (x - b.origin[0]) * b.dir[0] + (y - b.origin[1]) * b.dir[1] + (z - b.origin[2]) * b.dir[2];
  return smoothstep(b.from, b.to, s);
}

/** Rodrigues rotation of (x, y, z) about unit axis k by angle a (radians), into out at offset o. */
function rotate(
  k: Vec3,
  a: number,
  x: number,
  y: number,
  z: number,
  out: Float32Array | number[],
  o: number,
) {
  const c = Math.cos(a);
  const s = Math.sin(a);
  const d = (k[0] * x + k[1] * y + k[2] * z) * (1 - c);
  out[o] = x * c + (k[1] * z - k[2] * y) * s + k[0] * d;
  out[o + 1] = y * c + (k[2] * x - k[0] * z) * s + k[1] * d;
  out[o + 2] = z * c + (k[0] * y - k[1] * x) * s + k[2] * d;
}

function unit(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / l, v[1] / l, v[2] / l];
}

/**
 * Applies a part's pose to packed positions (and normals, if given) in place. Normals turn with the
 * local rotation; a stretch leaves them (it is small and only on the bunion).
 */
export function applyPose(
  ops: PartPose,
  positions: Float32Array | number[],
  normals?: Float32Array | number[],
) {
  for (const op of ops) {
    const axis = unit(op.kind === 'rotate' ? op.axis : op.dir);
    const [px, py, pz] = op.pivot;
    for (let i = 0; i < positions.length; i += 3) {
      const x = positions[i]! - px;
      const y = positions[i + 1]! - py;
      const z = positions[i + 2]! - pz;
      if (op.kind === 'stretch') {
        const along = (x * axis[0] + y * axis[1] + z * axis[2]) * (op.factor - 1);
        positions[i] = positions[i]! + along * axis[0];
        positions[i + 1] = positions[i + 1]! + along * axis[1];
        positions[i + 2] = positions[i + 2]! + along * axis[2];
        continue;
      }
      const a = op.angle * DEG * weightAt(op, positions[i]!, positions[i + 1]!, positions[i + 2]!);
      if (a === 0) continue;
      rotate(axis, a, x, y, z, positions, i);
      positions[i] = positions[i]! + px;
      positions[i + 1] = positions[i + 1]! + py;
      positions[i + 2] = positions[i + 2]! + pz;
      if (normals) rotate(axis, a, normals[i]!, normals[i + 1]!, normals[i + 2]!, normals, i);
    }
  }
}

/** One point through a pose. */
export function posePoint(ops: PartPose, p: Vec3): Vec3 {
  const out = [p[0], p[1], p[2]];
  applyPose(ops, out);
  return [out[0]!, out[1]!, out[2]!];
}
