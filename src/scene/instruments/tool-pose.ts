import { Matrix4, Vector3, type Object3D } from 'three';
import type { ToolPose } from '../../engine/instruments';

const xAxis = new Vector3();
const yAxis = new Vector3();
const zAxis = new Vector3();
const basis = new Matrix4();

/** Picks a stable "up" for a tool without one: world Y unless the tool is nearly vertical. */
function anyPerpendicular(z: Vector3, out: Vector3): Vector3 {
  const ax = Math.abs(z.x);
  const ay = Math.abs(z.y);
  const az = Math.abs(z.z);
  if (ay <= ax && ay <= az) out.set(0, 1, 0);
  else if (ax <= az) out.set(1, 0, 0);
  else out.set(0, 0, 1);
  return out.addScaledVector(z, -out.dot(z));
}

/**
 * Places an instrument built in its tool frame (tip at the origin, pointing along +Z, up +Y): its
 * tip at `pose.tip`, +Z along `pose.direction`, +Y along the part of `pose.up` perpendicular to
 * it (any perpendicular when `up` is missing or parallel), scaled by `pose.size`. Allocates nothing, so it may run per frame.
 */
export function applyToolPose(target: Object3D, pose: ToolPose): void {
  const d = pose.direction;
  zAxis.set(d[0], d[1], d[2]);
  if (zAxis.lengthSq() < 1e-12) zAxis.set(0, 0, 1);
  zAxis.normalize();
  const u = pose.up;
  if (u)
    yAxis.set(u[0], u[1], u[2]).addScaledVector(zAxis, -(u[0] * zAxis.x + u[1] * zAxis.y + u[2] * zAxis.z));
  if (!u || yAxis.lengthSq() < 1e-10) anyPerpendicular(zAxis, yAxis);
  yAxis.normalize();
  xAxis.crossVectors(yAxis, zAxis);
  basis.makeBasis(xAxis, yAxis, zAxis);
  target.quaternion.setFromRotationMatrix(basis);
  target.position.set(pose.tip[0], pose.tip[1], pose.tip[2]);
  target.scale.setScalar(pose.size ?? 1);
}
