import { Matrix4, Vector3 } from 'three';
import type { Vec3 } from '../anatomy/vec';

const axisV = new Vector3();
const tmp = new Matrix4();

/** A translation by amount (mm) along a unit direction. */
export function translation(out: Matrix4, dir: Vec3, amount: number): Matrix4 {
  return out.makeTranslation(dir[0] * amount, dir[1] * amount, dir[2] * amount);
}

/** A rotation by angle (degrees) about an axis through a pivot. */
export function rotationAbout(out: Matrix4, pivot: Vec3, axis: Vec3, angle: number): Matrix4 {
  axisV.set(axis[0], axis[1], axis[2]).normalize();
  out.makeTranslation(pivot[0], pivot[1], pivot[2]);
  out.multiply(tmp.makeRotationAxis(axisV, (angle * Math.PI) / 180));
  return out.multiply(tmp.makeTranslation(-pivot[0], -pivot[1], -pivot[2]));
}

/** Applies a column-major 4×4 to a point. */
export function transformPoint(m: readonly number[], p: Vec3): Vec3 {
  return [
    m[0]! * p[0] + m[4]! * p[1] + m[8]! * p[2] + m[12]!,
    m[1]! * p[0] + m[5]! * p[1] + m[9]! * p[2] + m[13]!,
    m[2]! * p[0] + m[6]! * p[1] + m[10]! * p[2] + m[14]!,
  ];
}

/** Applies the rotation part of a column-major 4×4 to a direction. */
export function transformDirection(m: readonly number[], d: Vec3): Vec3 {
  return [
    m[0]! * d[0] + m[4]! * d[1] + m[8]! * d[2],
    m[1]! * d[0] + m[5]! * d[1] + m[9]! * d[2],
    m[2]! * d[0] + m[6]! * d[1] + m[10]! * d[2],
  ];
}

/** {@link transformPoint} written into `out` (no new array). */
export function transformPointInto(m: readonly number[], p: Vec3, out: [number, number, number]): void {
  const x = p[0],
    y = p[1],
    z = p[2];
  out[0] = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
  out[1] = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
  out[2] = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!;
}

/** {@link transformDirection} written into `out` (no new array). */
export function transformDirectionInto(m: readonly number[], d: Vec3, out: [number, number, number]): void {
  const x = d[0],
    y = d[1],
    z = d[2];
  out[0] = m[0]! * x + m[4]! * y + m[8]! * z;
  out[1] = m[1]! * x + m[5]! * y + m[9]! * z;
  out[2] = m[2]! * x + m[6]! * y + m[10]! * z;
}
