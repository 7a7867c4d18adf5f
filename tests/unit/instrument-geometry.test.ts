import { Box3, BufferGeometry, Mesh, MeshBasicMaterial, Object3D, Raycaster, Vector3 } from 'three';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SCREW_LENGTH,
  DEFAULT_SHAPE,
  INSTRUMENT_MATERIAL_KIND,
  plateHoles,
  xrayDensityOf,
  type InstrumentKind,
} from '../../src/procedures/instruments/catalogue';
import { INSTRUMENT_MATERIAL_XRAY } from '../../src/procedures/instruments/materials';
import { SCREW_LENGTH_RANGE } from '../../src/procedures/instruments/sizes';
import {
  disposeInstrumentGeometries,
  instrumentGeometry,
  instrumentParts,
} from '../../src/scene/instruments/geometry';
import { HALLUX } from '../../src/procedures/instruments/bandage';
import { INSTRUMENT_MATERIALS } from '../../src/scene/instruments/materials';
import { applyToolPose } from '../../src/scene/instruments/tool-pose';

const KINDS = Object.keys(INSTRUMENT_MATERIAL_KIND) as InstrumentKind[];

const box = (g: BufferGeometry) => new Box3().setFromBufferAttribute(g.getAttribute('position') as never);
const size = (g: BufferGeometry) => box(g).getSize(new Vector3());
const triangles = (g: BufferGeometry) => g.getIndex()!.count / 3;

/** Largest distance from the Z axis among vertices with z in [z0, z1]. */
function maxRadius(g: BufferGeometry, z0 = -Infinity, z1 = Infinity): number {
  const p = g.getAttribute('position');
  let r = 0;
  for (let i = 0; i < p.count; i++)
    if (p.getZ(i) >= z0 && p.getZ(i) <= z1) r = Math.max(r, Math.hypot(p.getX(i), p.getY(i)));
  return r;
}

/** Does a ray from behind the tool, parallel to its axis at (x, y), hit anything? */
function rayHits(g: BufferGeometry, x: number, y: number): boolean {
  const mesh = new Mesh(g, new MeshBasicMaterial());
  const ray = new Raycaster(new Vector3(x, y, -500), new Vector3(0, 0, 1));
  return ray.intersectObject(mesh).length > 0;
}

/** Where a ray along ±Y through (x, ·, z) meets the surface, y values from low to high. */
function hitsAlongY(g: BufferGeometry, x: number, z: number): number[] {
  const mesh = new Mesh(g, new MeshBasicMaterial());
  mesh.material.side = 2;
  const ray = new Raycaster(new Vector3(x, -500, z), new Vector3(0, 1, 0));
  return ray.intersectObject(mesh).map((h) => h.point.y);
}

/** Edges not shared by exactly one other triangle running the other way, vertices welded by position. */
function openEdges(g: BufferGeometry): number {
  const p = g.getAttribute('position');
  const key = (i: number) => [p.getX(i), p.getY(i), p.getZ(i)].map((v) => v.toFixed(4)).join(',');
  const index = g.getIndex()!;
  const edges = new Map<string, number>();
  for (let t = 0; t < index.count; t += 3) {
    const v = [0, 1, 2].map((k) => key(index.getX(t + k)));
    for (let k = 0; k < 3; k++) {
      const [a, b] = [v[k]!, v[(k + 1) % 3]!];
      const back = `${b}|${a}`;
      if (edges.has(back)) {
        const n = edges.get(back)! - 1;
        if (n === 0) edges.delete(back);
        else edges.set(back, n);
      } else edges.set(`${a}|${b}`, (edges.get(`${a}|${b}`) ?? 0) + 1);
    }
  }
  return [...edges.values()].reduce((sum, n) => sum + n, 0);
}

/** Volume enclosed by a closed, outward-wound mesh, mm³. */
function volume(g: BufferGeometry): number {
  const p = g.getAttribute('position');
  const index = g.getIndex()!;
  const [a, b, c] = [new Vector3(), new Vector3(), new Vector3()];
  let v = 0;
  for (let t = 0; t < index.count; t += 3) {
    a.fromBufferAttribute(p, index.getX(t));
    b.fromBufferAttribute(p, index.getX(t + 1));
    c.fromBufferAttribute(p, index.getX(t + 2));
    v += a.dot(b.cross(c)) / 6;
  }
  return v;
}

/** Largest |x| among vertices with z in [z0, z1]. */
function halfWidth(g: BufferGeometry, z0: number, z1: number): number {
  const p = g.getAttribute('position');
  let w = 0;
  for (let i = 0; i < p.count; i++)
    if (p.getZ(i) >= z0 && p.getZ(i) <= z1) w = Math.max(w, Math.abs(p.getX(i)));
  return w;
}

/**
 * A kind whose shape numbers must each lie in a range: at the ends of the ranges its own shape,
 * a number just outside or one missing gives the default, and sizes are rounded to 0.1 mm.
 */
function expectDefaultOutside(
  kind: keyof typeof DEFAULT_SHAPE,
  ranges: readonly (readonly [number, number])[],
) {
  const byDefault = instrumentGeometry(kind);
  const base: readonly number[] = DEFAULT_SHAPE[kind];
  const swap = (i: number, v: number) => base.map((x, k) => (k === i ? v : x));
  ranges.forEach(([min, max], i) => {
    for (const v of [min, max]) expect(instrumentGeometry(kind, { shape: swap(i, v) })).not.toBe(byDefault);
    for (const v of [min - 1, max + 1])
      expect(instrumentGeometry(kind, { shape: swap(i, v) })).toBe(byDefault);
  });
  expect(instrumentGeometry(kind, { shape: base.slice(0, -1) })).toBe(byDefault);
  expect(instrumentGeometry(kind, { shape: swap(0, base[0]! + 0.02) })).toBe(byDefault);
}

afterAll(() => disposeInstrumentGeometries());

describe('instrument geometry', () => {
  it.each(KINDS)(
    '%s builds lean, finite, with the tip at the origin and normals that agree with winding',
    (kind) => {
      const g = instrumentGeometry(kind);
      const n = triangles(g);
      expect(n).toBeGreaterThan(20);
      expect(n).toBeLessThanOrEqual(3000);
      const p = g.getAttribute('position');
      const nor = g.getAttribute('normal');
      for (let i = 0; i < p.count; i++) {
        expect(Number.isFinite(p.getX(i) + p.getY(i) + p.getZ(i))).toBe(true);
        expect(Math.hypot(nor.getX(i), nor.getY(i), nor.getZ(i))).toBeCloseTo(1, 3);
      }
      const b = box(g);
      if (kind === 'cement') {
        // A bolus has no tip: it is centred on the origin instead.
        expect(b.getCenter(new Vector3()).length()).toBeLessThan(0.1 * size(g).length());
      } else {
        expect(b.max.z).toBeCloseTo(0, 6);
        expect(b.min.z).toBeLessThan(-10);
      }
      // Front faces must face the way the shading normals say, or three culls the wrong side.
      const index = g.getIndex()!;
      const a = new Vector3();
      const e1 = new Vector3();
      const e2 = new Vector3();
      const mean = new Vector3();
      const vn = new Vector3();
      let wrong = 0;
      for (let t = 0; t < index.count; t += 3) {
        const [i, j, k] = [index.getX(t), index.getX(t + 1), index.getX(t + 2)];
        a.fromBufferAttribute(p, i);
        e1.fromBufferAttribute(p, j).sub(a);
        e2.fromBufferAttribute(p, k).sub(a);
        mean.set(0, 0, 0);
        for (const v of [i, j, k]) mean.add(vn.fromBufferAttribute(nor, v));
        if (e1.cross(e2).dot(mean) < 0) wrong++;
      }
      expect(wrong).toBe(0);
    },
  );

  it('stays within budget at the extremes of screw length and implant shape', () => {
    for (const kind of ['cannulatedScrew', 'headlessScrew', 'lockingScrew'] as const)
      for (const length of [8, 20, 40, 80, 90])
        expect(triangles(instrumentGeometry(kind, { length }))).toBeLessThanOrEqual(3000);
    for (const n of [2, 5, 12, 13, 40, 200]) {
      const shape = Array.from({ length: n }, (_, i) => {
        const z = (160 * i) / (n - 1);
        return [z, 4 * Math.sin(z / 20)];
      }).flat();
      expect(triangles(instrumentGeometry('plate', { shape }))).toBeLessThanOrEqual(3000);
    }
    for (const shape of [
      [40, 20, 0, 10],
      [60, 30, 2, 18],
    ])
      expect(triangles(instrumentGeometry('graftWedge', { shape }))).toBeLessThanOrEqual(3000);
    expect(triangles(instrumentGeometry('burr'))).toBeLessThanOrEqual(3000);
    for (const shape of [
      [1.5, 60],
      [2.4, 100],
      [3.4, 150],
      [5, 200],
    ])
      expect(triangles(instrumentGeometry('trocar', { shape }))).toBeLessThanOrEqual(2500);
    for (const shape of [[0.05], [0.1], [1], [30], [60]])
      expect(triangles(instrumentGeometry('cement', { shape }))).toBeLessThanOrEqual(2000);
    for (const shape of [
      [40, 15, 20],
      [100, 45, 44],
      [140, 80, 120],
    ])
      expect(triangles(instrumentGeometry('bandage', { shape }))).toBeLessThanOrEqual(3000);
    for (const shape of [
      [150, 60, 30],
      [270, 105, 70],
      [320, 140, 120],
    ])
      expect(triangles(instrumentGeometry('shoe', { shape }))).toBeLessThanOrEqual(4000);
  });

  it('K-wire: 1.6 mm round, 120 mm back from the tip', () => {
    const s = size(instrumentGeometry('kwire'));
    expect(s.x).toBeCloseTo(1.6, 2);
    expect(s.y).toBeCloseTo(1.6, 2);
    expect(box(instrumentGeometry('kwire')).min.z).toBeCloseTo(-120, 3);
  });

  it('marker: ~120 mm long, ~10 mm barrel', () => {
    const g = instrumentGeometry('marker');
    expect(size(g).z).toBeCloseTo(120, 1);
    expect(maxRadius(g, -86.1, -17) * 2).toBeCloseTo(10, 1);
  });

  it('scalpel: ~140 mm, a thin blade, a flat handle', () => {
    const g = instrumentGeometry('scalpel');
    expect(size(g).z).toBeGreaterThan(130);
    expect(size(g).z).toBeLessThan(150);
    const p = g.getAttribute('position');
    for (let i = 0; i < p.count; i++)
      if (p.getZ(i) > -17) expect(Math.abs(p.getX(i))).toBeLessThanOrEqual(0.2 + 1e-6);
    expect(size(g).x).toBeLessThan(3);
  });

  it('saw: a 9 mm blade under 1 mm thick, flat faces normal to Y, oscillating about Y, on an 18 mm hand-piece', () => {
    const parts = instrumentParts('saw');
    const blade = parts.find((p) => p.motion)!;
    expect(blade.motion).toMatchObject({ kind: 'oscillate', axis: 'y' });
    const s = size(blade.geometry);
    expect(s.y).toBeLessThan(1);
    expect(s.x).toBeCloseTo(9, 3);
    expect(box(blade.geometry).max.z).toBeCloseTo(0, 6);
    const body = parts.find((p) => !p.motion)!;
    expect(maxRadius(body.geometry, -125, -100) * 2).toBeCloseTo(18, 1);
    // About 25 mm of blade shows in front of the hand-piece.
    expect(box(body.geometry).max.z).toBeCloseTo(-25, 1);
    expect(size(body.geometry).z).toBeGreaterThan(100);
    expect(size(body.geometry).z).toBeLessThan(125);
  });

  it('drill: a 2.7 mm bit that spins about its axis, 60 mm out of the chuck, cannulated', () => {
    const parts = instrumentParts('drill');
    const bit = parts.find((p) => p.motion)!;
    expect(bit.motion).toMatchObject({ kind: 'spin', axis: 'z', pivot: [0, 0, 0] });
    expect(maxRadius(bit.geometry) * 2).toBeCloseTo(2.7, 2);
    const chuckFront = Math.max(...parts.filter((p) => !p.motion).map((p) => box(p.geometry).max.z));
    expect(chuckFront).toBeCloseTo(-60, 3);
    expect(rayHits(bit.geometry, 0.05, 0.03)).toBe(false);
  });

  it('burr: a 2.0 mm fluted bit with a rounded tip and a 2.35 mm shank that spins, in a 12 mm handpiece; 150 mm', () => {
    const parts = instrumentParts('burr');
    const moving = parts.filter((p) => p.motion);
    expect(moving).toHaveLength(1);
    const bit = moving[0]!;
    expect(bit.motion).toEqual({ kind: 'spin', pivot: [0, 0, 0], axis: 'z' });
    expect(bit.material).toBe('steel');
    expect(maxRadius(bit.geometry, -20, 0) * 2).toBeCloseTo(2, 3);
    expect(maxRadius(bit.geometry, -60, -20.2) * 2).toBeCloseTo(2.35, 3);
    expect(maxRadius(bit.geometry) * 2).toBeCloseTo(2.35, 3);
    expect(box(bit.geometry).max.z).toBeCloseTo(0, 6);
    // Rounded, not square: the tip narrows to a point within the first half millimetre.
    expect(maxRadius(bit.geometry, -0.01, 0)).toBeLessThan(0.05);
    expect(maxRadius(bit.geometry, -0.3, 0)).toBeLessThan(0.75);
    // Fluted: between the lands the section dips well below the 1.0 mm radius, along a helix.
    const p = bit.geometry.getAttribute('position');
    let deepest = Infinity;
    const landAngles = new Set<number>();
    for (let i = 0; i < p.count; i++) {
      const z = p.getZ(i);
      if (z < -18 || z > -2) continue;
      const r = Math.hypot(p.getX(i), p.getY(i));
      if (z < -3 && z > -17) deepest = Math.min(deepest, r);
      if (r > 0.999) landAngles.add(Math.round((Math.atan2(p.getY(i), p.getX(i)) * 180) / Math.PI));
    }
    expect(deepest).toBeLessThan(0.8);
    // Straight flutes would put the six lands' edges at 12 angles only; a spiral turns them.
    expect(landAngles.size).toBeGreaterThan(12);
    const still = parts.filter((q) => !q.motion);
    expect(still.length).toBeGreaterThan(0);
    const front = Math.max(...still.map((q) => box(q.geometry).max.z));
    expect(front).toBeCloseTo(-40, 3);
    expect(Math.max(...still.map((q) => maxRadius(q.geometry))) * 2).toBeCloseTo(12, 3);
    const g = instrumentGeometry('burr');
    expect(size(g).z).toBeCloseTo(150, 3);
    expect(INSTRUMENT_MATERIAL_KIND.burr).toBe('steel');
  });

  it('trocar: outer diameter and length as asked, a sharp diamond tip, a 70 mm T-handle', () => {
    for (const [D, L] of [[2.4, 100], [3.4, 150], [...DEFAULT_SHAPE.trocar]] as [number, number][]) {
      const parts = instrumentParts('trocar', { shape: [D, L] });
      const needle = parts.find((q) => q.material === 'steel')!;
      const handle = parts.find((q) => q.material === 'plastic')!;
      expect(maxRadius(needle.geometry) * 2).toBeCloseTo(D, 3);
      expect(maxRadius(needle.geometry, -(L + 5), -(2 * D + 2)) * 2).toBeCloseTo(D, 3);
      expect(box(needle.geometry).min.z).toBeLessThan(-L);
      // The cannula's length counts from the tip to the handle's front face.
      expect(box(handle.geometry).max.z).toBeCloseTo(-L, 3);
      expect(size(handle.geometry).x).toBeCloseTo(70, 3);
      expect(size(handle.geometry).y).toBeGreaterThan(12);
      const g = instrumentGeometry('trocar', { shape: [D, L] });
      expect(box(g).max.z).toBeCloseTo(0, 6);
      // Sharp: the radius falls to nothing at the tip and grows steadily behind it.
      expect(maxRadius(g, -0.01, 0)).toBeLessThan(0.01);
      expect(maxRadius(g, -D / 4, 0)).toBeLessThan(D / 4);
      expect(maxRadius(g, -L + 1, 0)).toBeCloseTo(D / 2, 3);
      expect(size(g).z).toBeLessThan(L + 30);
    }
    expect(DEFAULT_SHAPE.trocar).toEqual([3, 120]);
    // Out of range (too thick, too short): the default needle.
    const byDefault = instrumentGeometry('trocar');
    expect(instrumentGeometry('trocar', { shape: [6, 120] })).toBe(byDefault);
    expect(instrumentGeometry('trocar', { shape: [3, 50] })).toBe(byDefault);
    expect(instrumentGeometry('trocar', { shape: [3] })).toBe(byDefault);
  });

  it('cement: a closed, gently lumpy bolus of the volume asked, centred on the origin', () => {
    for (const mL of [0.1, 1, 8, 30]) {
      const g = instrumentGeometry('cement', { shape: [mL] });
      expect(openEdges(g)).toBe(0);
      const v = volume(g);
      expect(Math.abs(v - 1000 * mL) / (1000 * mL)).toBeLessThan(0.03);
      // The centroid of the solid, from the same tetrahedra as the volume.
      const p = g.getAttribute('position');
      const index = g.getIndex()!;
      const [a, b, c] = [new Vector3(), new Vector3(), new Vector3()];
      const centroid = new Vector3();
      for (let t = 0; t < index.count; t += 3) {
        a.fromBufferAttribute(p, index.getX(t));
        b.fromBufferAttribute(p, index.getX(t + 1));
        c.fromBufferAttribute(p, index.getX(t + 2));
        const tet = a.dot(new Vector3().crossVectors(b, c)) / 6;
        centroid.addScaledVector(a.add(b).add(c), tet / 4);
      }
      const equivalent = Math.cbrt((3 * 1000 * mL) / (4 * Math.PI));
      expect(centroid.divideScalar(v).length()).toBeLessThan(0.01 * equivalent);
      let lo = Infinity;
      let hi = 0;
      for (let i = 0; i < p.count; i++) {
        const r = Math.hypot(p.getX(i), p.getY(i), p.getZ(i));
        lo = Math.min(lo, r);
        hi = Math.max(hi, r);
      }
      expect(hi / lo).toBeGreaterThan(1.1);
      expect(hi / lo).toBeLessThan(1.6);
      expect(lo).toBeLessThan(equivalent);
      expect(hi).toBeGreaterThan(equivalent);
    }
    expect(instrumentParts('cement')[0]!.material).toBe('cement');
    expect(INSTRUMENT_MATERIAL_KIND.cement).toBe('cement');
    expect(Math.abs(volume(instrumentGeometry('cement')) - 1000)).toBeLessThan(30);
    // Out of range: the default 1 mL.
    expect(instrumentGeometry('cement', { shape: [0.01] })).toBe(instrumentGeometry('cement'));
    expect(instrumentGeometry('cement', { shape: [61] })).toBe(instrumentGeometry('cement'));
    const cement = INSTRUMENT_MATERIALS.cement;
    expect(cement.metalness).toBe(0);
    expect(cement.roughness).toBeGreaterThanOrEqual(0.8);
    expect(cement.color.getHexString()).toBe('f2efe6');
  });

  it('cannulated screw: length as asked, 3.0 mm helical thread, the cannula open through the head', () => {
    for (const length of [16, 26, 40]) {
      const g = instrumentGeometry('cannulatedScrew', { length });
      expect(size(g).z).toBeCloseTo(length, 3);
      expect(maxRadius(g, -length + 3, 0) * 2).toBeCloseTo(3, 2);
      expect(maxRadius(g) * 2).toBeGreaterThan(4);
      expect(rayHits(g, 0.1, 0.05)).toBe(false);
      expect(rayHits(g, 1.2, 0)).toBe(true);
    }
    expect(size(instrumentGeometry('cannulatedScrew')).z).toBeCloseTo(26, 3);
    // A helix, not stacked rings: crest vertices sit at many different heights.
    const g = instrumentGeometry('cannulatedScrew');
    const p = g.getAttribute('position');
    const heights = new Set<number>();
    for (let i = 0; i < p.count; i++)
      if (Math.hypot(p.getX(i), p.getY(i)) > 1.45 && p.getZ(i) > -15)
        heights.add(Math.round(p.getZ(i) * 100));
    expect(heights.size).toBeGreaterThan(60);
  });

  it('headless screw: length as asked, no head, threads at both ends and a smooth middle', () => {
    for (const length of [14, 22, 30]) {
      const g = instrumentGeometry('headlessScrew', { length });
      expect(size(g).z).toBeCloseTo(length, 3);
      expect(maxRadius(g) * 2).toBeLessThan(4);
      const middle = maxRadius(g, -length * 0.55, -length * 0.45);
      expect(maxRadius(g, -3, 0)).toBeGreaterThan(middle + 0.3);
      expect(maxRadius(g, -length, -length + 2)).toBeGreaterThan(middle + 0.3);
      expect(rayHits(g, 0.1, 0.05)).toBe(false);
    }
  });

  it('staple: made to size for a tibia (20 mm bridge, 25 mm legs, 2 mm wire)', () => {
    const g = instrumentGeometry('staple', { shape: [20, 25, 2] });
    expect(g).not.toBe(instrumentGeometry('staple'));
    expect(size(g).x).toBeCloseTo(20, 1);
    // Legs measured to the bridge wire's centre line, plus its radius.
    expect(size(g).z).toBeCloseTo(26, 1);
    expect(size(g).y).toBeCloseTo(2, 1);
  });

  it('staple: 15 mm bridge along X, 12 mm legs of 1.2 mm wire pointing along +Z', () => {
    const s = size(instrumentGeometry('staple'));
    expect(s.x).toBeCloseTo(15, 2);
    expect(s.y).toBeCloseTo(1.2, 2);
    expect(s.z).toBeCloseTo(12.6, 2);
  });

  it('locking screw: length as asked (20–90 mm), 5.0 mm thread, a 7 mm conical head 4 mm tall', () => {
    expect(SCREW_LENGTH_RANGE.min).toBeLessThanOrEqual(20);
    expect(SCREW_LENGTH_RANGE.max).toBeGreaterThanOrEqual(90);
    for (const length of [20, 40, 65, 90]) {
      const g = instrumentGeometry('lockingScrew', { length });
      expect(size(g).z).toBeCloseTo(length, 3);
      const shaft = maxRadius(g, -(length - 5), -4) * 2;
      expect(shaft).toBeGreaterThan(4.9);
      expect(shaft).toBeLessThanOrEqual(5.0 + 1e-3);
      expect(maxRadius(g) * 2).toBeCloseTo(7, 1);
      // The head is the last 4 mm; in front of it nothing is wider than the thread.
      expect(maxRadius(g, -(length - 3.95), 0)).toBeLessThanOrEqual(2.5 + 1e-3);
      expect(maxRadius(g, -(length - 3), -(length - 3.5)) * 2).toBeGreaterThan(5.6);
      // Not cannulated, and the thread tapers at the tip (self-tapping lead).
      expect(rayHits(g, 0.1, 0.05)).toBe(true);
      expect(maxRadius(g, -1, 0)).toBeLessThan(2.2);
    }
    expect(size(instrumentGeometry('lockingScrew')).z).toBeCloseTo(DEFAULT_SCREW_LENGTH.lockingScrew, 3);
    expect(size(instrumentGeometry('lockingScrew', { length: 200 })).z).toBeCloseTo(
      SCREW_LENGTH_RANGE.max,
      3,
    );
  });

  it('graft wedge: the box and volume of its gap, closed', () => {
    for (const shape of [[...DEFAULT_SHAPE.graftWedge], [40, 20, 0, 10], [55, 28, 3, 14], [30, 15, 8, 2]]) {
      const [L, W, h0, h1] = shape as [number, number, number, number];
      const g = instrumentGeometry('graftWedge', { shape });
      const b = box(g);
      expect(b.max.z).toBeCloseTo(0, 6);
      expect(Math.abs(b.min.z + L)).toBeLessThan(0.1);
      expect(Math.abs(size(g).x - W)).toBeLessThan(0.1);
      expect(Math.abs(size(g).y - Math.max(h0, h1))).toBeLessThan(0.1);
      expect(Math.abs(b.max.y + b.min.y)).toBeLessThan(1e-6);
      expect(openEdges(g)).toBe(0);
      const expected = (L * W * (h0 + h1)) / 2;
      expect(Math.abs(volume(g) - expected) / expected).toBeLessThan(0.03);
    }
  });

  it('plate: default straight 115 mm, 4.5 mm thick, a 22 mm head on a 16 mm shaft, closed, real holes', () => {
    const g = instrumentGeometry('plate');
    expect(instrumentGeometry('plate', { shape: [...DEFAULT_SHAPE.plate] })).toBe(g);
    expect(size(g).z).toBeCloseTo(115, 1);
    expect(size(g).y).toBeCloseTo(4.5, 3);
    expect(box(g).min.y).toBeCloseTo(0, 3);
    expect(halfWidth(g, -28, -2) * 2).toBeCloseTo(22, 1);
    expect(halfWidth(g, -100, -45) * 2).toBeCloseTo(16, 1);
    expect(openEdges(g)).toBe(0);
    const holes = plateHoles();
    expect(holes.length).toBe(8);
    for (const h of holes) {
      expect(h.at[1]).toBeCloseTo(4.5, 3);
      expect(h.axis[1]).toBeCloseTo(-1, 6);
      // A screw goes through: nothing in the way along the hole's axis, but plate right beside it.
      expect(hitsAlongY(g, h.at[0], h.at[2])).toEqual([]);
      expect(hitsAlongY(g, h.at[0] + 4, h.at[2]).length).toBeGreaterThan(0);
    }
  });

  it('plate: a bent plate follows its stations', () => {
    const shape = [0, 0, 35, 3, 80, -2, 120, -8];
    const g = instrumentGeometry('plate', { shape });
    expect(openEdges(g)).toBe(0);
    // The bone face ends at the last station; the ends are square to the plate, so the outer face
    // reaches a little further where the plate slopes.
    expect(box(g).min.z).toBeLessThanOrEqual(-120 + 1e-3);
    expect(box(g).min.z).toBeGreaterThan(-120 - 4.5 * Math.sin(Math.atan(6 / 40)) - 0.01);
    const boneFace = (x: number, z: number) => hitsAlongY(g, x, z)[0]!;
    // Within the tessellation of the rounded bend (the hole at the station refines it a little).
    expect(Math.abs(boneFace(-7, -35) - 3)).toBeLessThan(0.35);
    expect(Math.abs(boneFace(-7, -80) - -2)).toBeLessThan(0.35);
    // Near the ends the plate is straight, on the line through the end stations.
    expect(Math.abs(boneFace(0, -2) - (3 * 2) / 35)).toBeLessThan(0.3);
    expect(Math.abs(boneFace(0, -118.5) - (-2 - (6 * 38.5) / 40))).toBeLessThan(0.3);
    // 4.5 mm thick across its own surface: a little more measured straight up on a slope.
    const [bottom, top] = hitsAlongY(g, -7, -57.5);
    expect(top! - bottom!).toBeCloseTo(4.5 / Math.cos(Math.atan(5 / 45)), 1);
    // Made to measure: a hole at each inner station, on the centre line, where its screw goes.
    const holes = plateHoles(shape);
    expect(holes.map((h) => h.name)).toEqual(['1', '2']);
    const stations = [
      [35, 3],
      [80, -2],
    ] as const;
    holes.forEach((h, i) => {
      const [z, y] = stations[i]!;
      expect(Math.hypot(...h.axis)).toBeCloseTo(1, 6);
      expect(h.axis[1]).toBeLessThan(-0.95);
      // Down the hole's axis through the plate: the bone face at the station.
      const face = h.at.map((v, k) => v + 4.5 * h.axis[k]!);
      expect(Math.abs(face[2]! + z)).toBeLessThan(0.2);
      expect(Math.abs(face[1]! - y)).toBeLessThan(0.3);
      expect(h.at[0]).toBeCloseTo(0, 6);
      expect(hitsAlongY(g, h.at[0], h.at[2])).toEqual([]);
    });
  });

  it('chisel: a 20 mm blade 1.5 mm thick with a sharp edge, a 25 mm cap, about 200 mm long', () => {
    const g = instrumentGeometry('chisel');
    expect(halfWidth(g, -100, 0) * 2).toBeCloseTo(20, 3);
    const p = g.getAttribute('position');
    for (let i = 0; i < p.count; i++) {
      if (p.getZ(i) > -100) expect(Math.abs(p.getY(i))).toBeLessThanOrEqual(0.8);
      if (p.getZ(i) > -0.01) expect(p.getY(i)).toBeLessThan(-0.6);
    }
    expect(maxRadius(g) * 2).toBeCloseTo(25, 3);
    expect(size(g).z).toBeGreaterThan(190);
    expect(size(g).z).toBeLessThan(210);
  });

  it('spreader: closed jaws 12 mm wide and 6 mm thick at the tip', () => {
    const g = instrumentGeometry('spreader');
    expect(halfWidth(g, -20, 0) * 2).toBeCloseTo(12, 3);
    expect(hitsAlongY(g, 0, -15)).toHaveLength(4);
    const ys = hitsAlongY(g, 0, -15);
    expect(ys[0]).toBeCloseTo(-3, 3);
    expect(ys[3]).toBeCloseTo(3, 3);
  });

  it('bandage: overlapping turns of cloth just outside the W × H ellipse up to the joint, the big toe taped beyond it to z = 0; closed', () => {
    for (const shape of [[...DEFAULT_SHAPE.bandage], [40, 15, 20], [140, 80, 120], [70, 35, 50]]) {
      const [W, H, L] = shape as [number, number, number];
      const g = instrumentGeometry('bandage', { shape });
      const b = box(g);
      expect(b.max.z).toBeCloseTo(0, 6);
      expect(b.min.z).toBeCloseTo(-L, 3);
      // The wrap ends at the joint; the toe's tape beyond it.
      const joint = -HALLUX.share * L;
      // 1 mm clear of the ellipse, then two layers of 1.2–1.5 mm where the turns overlap; the tape's
      // strip along the medial border lies on them.
      expect(size(g).y - H).toBeGreaterThanOrEqual(2 * (1 + 2 * 1.2) - 1e-6);
      expect(size(g).y - H).toBeLessThanOrEqual(2 * (1 + 2 * 1.5) + 1e-6);
      expect(-b.min.x - W / 2).toBeGreaterThanOrEqual(1 + 2 * 1.2 - 1e-6);
      expect(-b.min.x - W / 2).toBeLessThanOrEqual(1 + 2 * 1.5 + 1e-6);
      expect(b.max.x - W / 2).toBeGreaterThan(1 + 2 * 1.2);
      expect(b.max.x - W / 2).toBeLessThanOrEqual(1 + 2 * 1.5 + 1 + 1e-6);
      // Nothing inside the forefoot: every vertex of the wrap lies outside the ellipse grown by the gap.
      const p = g.getAttribute('position');
      for (let i = 0; i < p.count; i++)
        if (p.getZ(i) < joint - 1e-6)
          expect((p.getX(i) / (W / 2 + 1)) ** 2 + (p.getY(i) / (H / 2 + 1)) ** 2).toBeGreaterThan(1 - 1e-6);
      // Wrapped without gaps: straight down through the middle, cloth over and under all along
      // but for the ends, slanted where the first and last turns are tilted.
      for (let z = -L + 0.25; z < joint; z += 0.5) {
        const hits = hitsAlongY(g, 0, z).length;
        expect(hits).toBeGreaterThanOrEqual(z > -L + 0.2 * H && z < joint - 0.2 * H ? 4 : 2);
      }
      // Overlapping: somewhere two layers lie on top of each other, above or below the foot.
      const layered = Array.from(
        { length: 20 },
        (_, k) => hitsAlongY(g, 0, -L + ((L + joint) * (k + 0.5)) / 20).length,
      );
      expect(Math.max(...layered)).toBeGreaterThanOrEqual(6);
      // Beyond the joint, tape over and under the big toe, and beside it, lateral, in the first web
      // space, the gauze standing ~16 mm dorsal to plantar.
      const turn = (HALLUX.turnDeg * Math.PI) / 180;
      const mid = joint / 2;
      const toeX = W / 2 - HALLUX.inset * W + Math.tan(turn) * (mid - joint);
      const overToe = hitsAlongY(g, toeX, mid);
      expect(overToe.length).toBeGreaterThanOrEqual(4);
      expect(overToe[0]).toBeLessThan(0);
      expect(overToe[overToe.length - 1]).toBeGreaterThan(0);
      // The gauze beside the toe, laterally, level with the middle of the taped length.
      const out = (HALLUX.across * W) / 2 + 3.5;
      const half = (HALLUX.share * L) / 2;
      const along = (half - out * Math.sin(turn)) / Math.cos(turn);
      const gauze = [
        W / 2 - HALLUX.inset * W + Math.sin(turn) * along - Math.cos(turn) * out,
        joint + half,
      ] as const;
      const web = hitsAlongY(g, gauze[0], gauze[1]);
      expect(web.length).toBeGreaterThanOrEqual(2);
      expect(web[web.length - 1]! - web[0]!).toBeGreaterThan(14);
      expect(openEdges(g)).toBe(0);
      expect(triangles(g)).toBeLessThanOrEqual(3000);
    }
    expect(DEFAULT_SHAPE.bandage).toEqual([100, 45, 80]);
    expectDefaultOutside('bandage', [
      [40, 140],
      [15, 80],
      [20, 120],
    ]);
    expect(INSTRUMENT_MATERIAL_KIND.bandage).toBe('fabric');
    expect(instrumentParts('bandage').map((q) => q.material)).toEqual(['fabric']);
    const fabric = INSTRUMENT_MATERIALS.fabric;
    expect(fabric.name).toBe('instrument:fabric');
    expect(fabric.metalness).toBe(0);
    expect(fabric.roughness).toBeGreaterThanOrEqual(0.9);
    // Off-white crepe: light, and only faintly warm.
    const rgb = fabric.color
      .getHexString()
      .match(/../g)!
      .map((c) => parseInt(c, 16));
    expect(Math.min(...rgb)).toBeGreaterThan(200);
    expect(Math.max(...rgb) - Math.min(...rgb)).toBeLessThan(30);
  });

  it('shoe: a flat 25 mm sole under an L × W foot bed at y = 0, three straps up to H over it, closed', () => {
    for (const shape of [[...DEFAULT_SHAPE.shoe], [150, 140, 30], [320, 60, 120], [240, 95, 60]]) {
      const [L, W, H] = shape as [number, number, number];
      const parts = instrumentParts('shoe', { shape });
      expect(parts.map((q) => q.material)).toEqual(['plastic', 'fabric']);
      const [sole, upper] = parts.map((q) => q.geometry) as [BufferGeometry, BufferGeometry];
      const sb = box(sole);
      expect(sb.min.y).toBeCloseTo(-25, 6);
      expect(sb.max.y).toBeCloseTo(0, 6);
      expect(sb.max.z).toBeCloseTo(0, 6);
      expect(sb.min.z).toBeCloseTo(-L, 6);
      expect(size(sole).x).toBeCloseTo(W, 3);
      expect(Math.abs(sb.max.x + sb.min.x)).toBeLessThan(1e-6);
      // Flat: the foot bed is at y = 0 from heel to toe.
      for (const z of [-0.9 * L, -0.5 * L, -0.1 * L]) {
        const hits = hitsAlongY(sole, 0, z);
        expect(hits).toHaveLength(2);
        expect(hits[0]).toBeCloseTo(-25, 6);
        expect(hits[1]).toBeCloseTo(0, 6);
      }
      // The upper stands on the foot bed, within the sole's outline, its straps' tops at H + 2.
      const ub = box(upper);
      expect(ub.min.y).toBeGreaterThan(-1e-6);
      expect(ub.max.y).toBeCloseTo(H + 2, 3);
      expect(ub.max.x).toBeLessThanOrEqual(W / 2 + 1e-6);
      expect(ub.min.x).toBeGreaterThanOrEqual(-W / 2 - 1e-6);
      expect(ub.min.z).toBeGreaterThanOrEqual(-L - 1e-6);
      // Open at the toe, and three separate straps over the middle of the foot in front of the heel.
      expect(ub.max.z).toBeLessThan(-0.15 * L);
      let straps = 0;
      let over = false;
      for (let z = -L + 15; z < 0; z += 1) {
        const now = hitsAlongY(upper, 0, z).some((y) => y > 0);
        if (now && !over) straps++;
        over = now;
      }
      expect(straps).toBe(3);
      expect(openEdges(sole)).toBe(0);
      expect(openEdges(upper)).toBe(0);
      const g = instrumentGeometry('shoe', { shape });
      expect(box(g).min.y).toBeCloseTo(-25, 6);
      expect(triangles(g)).toBeLessThanOrEqual(4000);
    }
    expect(DEFAULT_SHAPE.shoe).toEqual([270, 105, 70]);
    expectDefaultOutside('shoe', [
      [150, 320],
      [60, 140],
      [30, 120],
    ]);
  });

  it('materials: tools are steel, implants titanium, the marker plastic, the graft a matte bone substitute', () => {
    expect(INSTRUMENT_MATERIAL_KIND.kwire).toBe('steel');
    expect(INSTRUMENT_MATERIAL_KIND.cannulatedScrew).toBe('titanium');
    expect(INSTRUMENT_MATERIAL_KIND.lockingScrew).toBe('titanium');
    expect(INSTRUMENT_MATERIAL_KIND.plate).toBe('titanium');
    expect(INSTRUMENT_MATERIAL_KIND.chisel).toBe('steel');
    expect(INSTRUMENT_MATERIAL_KIND.marker).toBe('plastic');
    expect(INSTRUMENT_MATERIAL_KIND.graftWedge).toBe('graft');
    expect(instrumentParts('graftWedge')[0]!.material).toBe('graft');
    const graft = INSTRUMENT_MATERIALS.graft;
    expect(graft.metalness).toBe(0);
    expect(graft.roughness).toBeGreaterThan(0.8);
  });

  it('X-ray: metal implants and tools show as metal, cement as metal (its opaque filler), a graft as bone, cloth and plastic faintly', () => {
    expect(xrayDensityOf('plate')).toBe('metal');
    expect(xrayDensityOf('saw')).toBe('metal');
    expect(xrayDensityOf('cement')).toBe('metal');
    expect(xrayDensityOf('graftWedge')).toBe('bone');
    expect(xrayDensityOf('bandage')).toBe('soft');
    expect(xrayDensityOf('marker')).toBe('soft');
    // Each part shows as its own material does: the drill's plastic hand-piece faintly, its bit as metal.
    expect(instrumentParts('drill').map((q) => INSTRUMENT_MATERIAL_XRAY[q.material])).toEqual(
      expect.arrayContaining(['metal', 'soft']),
    );
  });

  it('memoises per kind and screw length, and disposes', () => {
    const a = instrumentGeometry('kwire');
    expect(instrumentGeometry('kwire')).toBe(a);
    expect(instrumentGeometry('kwire', { length: 50 })).toBe(a);
    expect(instrumentParts('saw')).toBe(instrumentParts('saw'));
    const s26 = instrumentGeometry('cannulatedScrew', { length: 26 });
    expect(instrumentGeometry('cannulatedScrew')).toBe(s26);
    expect(instrumentGeometry('cannulatedScrew', { length: 30 })).not.toBe(s26);
    const plate = instrumentGeometry('plate', { shape: [0, 0, 50, 2, 110, 0] });
    expect(instrumentGeometry('plate', { shape: [0, 0, 50.02, 2, 110, 0] })).toBe(plate);
    expect(instrumentGeometry('plate', { shape: [0, 0, 50, 2.5, 110, 0] })).not.toBe(plate);
    expect(instrumentGeometry('plate', { shape: [0, 0, 50] })).toBe(instrumentGeometry('plate'));
    const wedge = instrumentGeometry('graftWedge', { shape: [40, 20, 1, 10] });
    expect(instrumentGeometry('graftWedge')).toBe(wedge);
    expect(instrumentGeometry('graftWedge', { shape: [40, 20, 1, 12] })).not.toBe(wedge);
    expect(instrumentGeometry('graftWedge', { shape: [40, -20, 1, 12] })).toBe(wedge);
    expect(instrumentGeometry('burr')).toBe(instrumentGeometry('burr'));
    expect(instrumentParts('burr')).toBe(instrumentParts('burr'));
    const trocar = instrumentGeometry('trocar', { shape: [3.4, 150] });
    expect(instrumentGeometry('trocar', { shape: [3.42, 150.04] })).toBe(trocar);
    expect(instrumentGeometry('trocar', { shape: [3.4, 150.5] })).not.toBe(trocar);
    expect(instrumentGeometry('trocar', { shape: [3.04, 120] })).toBe(instrumentGeometry('trocar'));
    const bolus = instrumentGeometry('cement', { shape: [8] });
    expect(instrumentGeometry('cement', { shape: [8.03] })).toBe(bolus);
    expect(instrumentGeometry('cement', { shape: [8.1] })).not.toBe(bolus);

    let disposed = 0;
    const count = () => disposed++;
    a.addEventListener('dispose', count);
    s26.addEventListener('dispose', count);
    disposeInstrumentGeometries();
    expect(disposed).toBe(2);
    expect(instrumentGeometry('kwire')).not.toBe(a);
  });
});

describe('applyToolPose', () => {
  it('puts the tip at pose.tip, +Z along the direction and +Y towards up', () => {
    const o = new Object3D();
    applyToolPose(o, { tip: [10, 20, 30], direction: [0, -2, 0], up: [1, 1, 0] });
    o.updateMatrixWorld();
    expect(new Vector3(0, 0, 0).applyMatrix4(o.matrixWorld).toArray()).toEqual([10, 20, 30]);
    const z = new Vector3(0, 0, 1).applyQuaternion(o.quaternion);
    const y = new Vector3(0, 1, 0).applyQuaternion(o.quaternion);
    expect(z.distanceTo(new Vector3(0, -1, 0))).toBeLessThan(1e-6);
    expect(y.distanceTo(new Vector3(1, 0, 0))).toBeLessThan(1e-6);
  });

  it('picks a perpendicular up when none is given or up is parallel', () => {
    const o = new Object3D();
    for (const pose of [
      { tip: [0, 0, 0], direction: [0, 0, 1] },
      { tip: [0, 0, 0], direction: [0, 1, 0], up: [0, 3, 0] },
      { tip: [0, 0, 0], direction: [1, 1, 1] },
    ] as const) {
      applyToolPose(o, pose);
      const z = new Vector3(0, 0, 1).applyQuaternion(o.quaternion);
      const d = new Vector3(...pose.direction).normalize();
      expect(z.distanceTo(d)).toBeLessThan(1e-6);
      expect(Number.isFinite(o.quaternion.w)).toBe(true);
      expect(o.quaternion.length()).toBeCloseTo(1, 6);
    }
  });
});

describe('the built-instrument cache', () => {
  it('is bounded: sizes long unused are freed; a size used again is rebuilt', () => {
    const first = instrumentParts('cement', { shape: [0.1] });
    let disposed = false;
    first[0]!.geometry.addEventListener('dispose', () => (disposed = true));
    const kept = instrumentParts('cement', { shape: [0.2] });
    for (let i = 1; i <= 150; i++) {
      instrumentParts('cement', { shape: [0.3 + i * 0.1] });
      // Used all along: never dropped.
      expect(instrumentParts('cement', { shape: [0.2] })).toBe(kept);
    }
    expect(disposed).toBe(true);
    expect(instrumentParts('cement', { shape: [0.1] })[0]!.geometry).not.toBe(first[0]!.geometry);
  });
});
