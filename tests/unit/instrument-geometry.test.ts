import { Box3, BufferGeometry, Mesh, MeshBasicMaterial, Object3D, Raycaster, Vector3 } from 'three';
import { afterAll, describe, expect, it } from 'vitest';
import type { InstrumentKind } from '../../src/procedures/types';
import {
  disposeInstrumentGeometries,
  instrumentGeometry,
  instrumentParts,
  INSTRUMENT_MATERIAL_KIND,
} from '../../src/scene/instruments/geometry';
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
      expect(b.max.z).toBeCloseTo(0, 6);
      expect(b.min.z).toBeLessThan(-10);
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

  it('stays within budget at the extremes of screw length', () => {
    for (const kind of ['cannulatedScrew', 'headlessScrew'] as const)
      for (const length of [8, 80])
        expect(triangles(instrumentGeometry(kind, { length }))).toBeLessThanOrEqual(3000);
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

  it('staple: 15 mm bridge along X, 12 mm legs of 1.2 mm wire pointing along +Z', () => {
    const s = size(instrumentGeometry('staple'));
    expect(s.x).toBeCloseTo(15, 2);
    expect(s.y).toBeCloseTo(1.2, 2);
    expect(s.z).toBeCloseTo(12.6, 2);
  });

  it('materials: tools are steel, implants titanium, the marker plastic', () => {
    expect(INSTRUMENT_MATERIAL_KIND.kwire).toBe('steel');
    expect(INSTRUMENT_MATERIAL_KIND.cannulatedScrew).toBe('titanium');
    expect(INSTRUMENT_MATERIAL_KIND.marker).toBe('plastic');
  });

  it('memoises per kind and screw length, and disposes', () => {
    const a = instrumentGeometry('kwire');
    expect(instrumentGeometry('kwire')).toBe(a);
    expect(instrumentGeometry('kwire', { length: 50 })).toBe(a);
    expect(instrumentParts('saw')).toBe(instrumentParts('saw'));
    const s26 = instrumentGeometry('cannulatedScrew', { length: 26 });
    expect(instrumentGeometry('cannulatedScrew')).toBe(s26);
    expect(instrumentGeometry('cannulatedScrew', { length: 30 })).not.toBe(s26);

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
