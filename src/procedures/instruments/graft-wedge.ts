import { MeshBuilder } from './mesh-builder';
import type { PartDesign } from './part';

type Vec3 = readonly [number, number, number];

/** Largest chamfer on the wedge's long edges, mm; a thin end gets a smaller one. */
const CHAMFER = 0.8;

/** The wedge's cross-section at height h: a W × h rectangle with chamfered corners, counter-clockwise in XY. */
function section(width: number, h: number, z: number): Vec3[] {
  const x = width / 2;
  const y = h / 2;
  const c = Math.min(CHAMFER, h / 4, width / 8);
  return [
    [x, -y + c, z],
    [x, y - c, z],
    [x - c, y, z],
    [-x + c, y, z],
    [-x, y - c, z],
    [-x, -y + c, z],
    [-x + c, -y, z],
    [x - c, -y, z],
  ];
}

const sub = (p: Vec3, q: Vec3): Vec3 => [p[0] - q[0], p[1] - q[1], p[2] - q[2]];
const cross = (p: Vec3, q: Vec3): Vec3 => [
  p[1] * q[2] - p[2] * q[1],
  p[2] * q[0] - p[0] * q[2],
  p[0] * q[1] - p[1] * q[0],
];

/**
 * Bone-graft wedge filling an opening-wedge osteotomy: a block `length` mm long (z from −length
 * to 0), `width` mm wide (X), symmetric about y = 0, `h0` mm high at its narrow end (z = 0, towards
 * the hinge; 0 gives a sharp edge) growing linearly to `h1` mm at z = −length; long edges chamfered.
 */
export function graftWedgeDesign(length: number, width: number, h0: number, h1: number): PartDesign[] {
  const b = new MeshBuilder();
  const front = section(width, h0, 0);
  const back = section(width, h1, -length);
  const n = front.length;
  for (let j = 0; j < n; j++) {
    const k = (j + 1) % n;
    // Flat faces: one normal from the longer of the face's two end edges and its slant.
    const wide = h1 >= h0 ? back : front;
    const narrow = h1 >= h0 ? front : back;
    const edge = sub(wide[k]!, wide[j]!);
    const slant = sub(wide[j]!, narrow[j]!);
    let normal = cross(edge, slant);
    const mid = [(wide[j]![0] + wide[k]![0]) / 2, (wide[j]![1] + wide[k]![1]) / 2];
    if (normal[0] * mid[0]! + normal[1] * mid[1]! < 0) normal = [-normal[0], -normal[1], -normal[2]];
    const ids = [front[j]!, front[k]!, back[k]!, back[j]!].map((p) => b.vertex(p[0], p[1], p[2], ...normal));
    b.quad(ids[0]!, ids[1]!, ids[2]!, ids[3]!);
  }
  for (const [ring, nz] of [
    [front, 1],
    [back, -1],
  ] as const) {
    const ids = ring.map((p) => b.vertex(p[0], p[1], p[2], 0, 0, nz));
    for (let j = 1; j < n - 1; j++) b.triangle(ids[0]!, ids[j]!, ids[j + 1]!);
  }
  return [{ mesh: b, material: 'graft' }];
}
