import { isClosed as closed } from '../../scripts/models/mesh-checks';
import { beforeAll, describe, expect, it } from 'vitest';
import { capsule } from '../../src/anatomy/sdf';
import { BoneSolidCache, cutBone, type MeshData } from '../../src/geometry/cut';
import { limb, slab, wedge } from '../../src/procedures/kit/cutters';
import { meshBone } from '../../src/geometry/level-set';
import { loadManifold, type ManifoldToplevel } from '../../src/geometry/manifold-module';

let wasm: ManifoldToplevel;
let rod: MeshData;
beforeAll(async () => {
  wasm = await loadManifold();
  // A 60 mm rod of radius 7 along +Z: a stand-in long bone.
  const m = meshBone(wasm, {
    id: 'rod',
    sdf: capsule([0, 0, 0], [0, 0, 60], 7),
    bounds: { min: [-10, -10, -10], max: [10, 10, 70] },
    maxTriangles: 8000,
    edge: 1,
    landmarks: {},
  });
  rod = { positions: m.positions, indices: m.indices };
});

describe('cutting a bone', () => {
  it('a transverse saw cut makes two closed pieces and removes only the kerf', () => {
    const kerf = 0.6;
    const r = cutBone(wasm, rod, [slab([0, 0, 30], [1, 0, 0], [0, 1, 0], 20, 20, kerf)]);
    expect(r.fragments).toHaveLength(2);
    for (const f of r.fragments) expect(closed(f)).toBe(true);
    // The kerf removes a disc of the rod's cross-section (≈ π·7²·0.6, the mesh slightly inside).
    expect(r.removedVolume).toBeGreaterThan(Math.PI * 6.8 ** 2 * kerf * 0.97);
    expect(r.removedVolume).toBeLessThan(Math.PI * 7 ** 2 * kerf * 1.01);
    const kept = r.fragments.reduce((s, f) => s + f.volume, 0);
    expect(Math.abs(kept + r.removedVolume - r.boneVolume) / r.boneVolume).toBeLessThan(0.01);
  });

  it('marks the cut faces, and only those', () => {
    const r = cutBone(wasm, rod, [slab([0, 0, 30], [1, 0, 0], [0, 1, 0], 20, 20, 0.6)]);
    for (const f of r.fragments) {
      let cutArea = 0;
      for (let t = 0; t < f.cutFace.length; t++) {
        const [a, b, c] = [0, 1, 2].map((k) => f.indices[t * 3 + k]! * 3);
        const z = [a, b, c].map((i) => f.positions[i! + 2]!);
        if (f.cutFace[t]) {
          for (const zz of z) expect(Math.abs(zz - 30)).toBeLessThan(0.31);
          const u = [0, 1, 2].map((k) => f.positions[b! + k]! - f.positions[a! + k]!);
          const v = [0, 1, 2].map((k) => f.positions[c! + k]! - f.positions[a! + k]!);
          cutArea += Math.abs(u[0]! * v[1]! - u[1]! * v[0]!) / 2;
        }
      }
      expect(cutArea).toBeGreaterThan(Math.PI * 6.8 ** 2 * 0.97);
    }
  });

  it('a V of two limbs frees the distal piece; a wedge removes its own volume', () => {
    const apex = [0, 0, 45] as const;
    const v = cutBone(wasm, rod, [
      limb(apex, [1, 0, 0], [0, Math.sin(Math.PI / 6), -Math.cos(Math.PI / 6)], 30, 20, 0.6, 1),
      limb(apex, [1, 0, 0], [0, -Math.sin(Math.PI / 6), -Math.cos(Math.PI / 6)], 30, 20, 0.6, 1),
    ]);
    expect(v.fragments).toHaveLength(2);
    const w = cutBone(wasm, rod, [wedge([0, -8, 30], [1, 0, 0], [0, 1, -0.2], [0, 1, 0.2], 30, 20)]);
    expect(w.fragments).toHaveLength(2);
    for (const f of [...v.fragments, ...w.fragments]) expect(closed(f)).toBe(true);
  });
});

describe('re-cutting the same bone', () => {
  it('a kept bone manifold gives the same fragments as a fresh one, cut after cut', () => {
    const cache = new BoneSolidCache(2);
    for (const z of [20, 30, 40]) {
      const cutter = [slab([0, 0, z], [1, 0, 0], [0, 1, 0], 20, 20, 0.6)];
      const fresh = cutBone(wasm, rod, cutter);
      // Twice through the cache: built once, then reused (it must not be deleted by the cut).
      for (let i = 0; i < 2; i++) {
        const kept = cutBone(wasm, rod, cutter, cache);
        expect(kept.fragments.map((f) => f.volume)).toEqual(fresh.fragments.map((f) => f.volume));
        expect(kept.fragments.map((f) => Array.from(f.cutFace).reduce((s, v) => s + v, 0))).toEqual(
          fresh.fragments.map((f) => Array.from(f.cutFace).reduce((s, v) => s + v, 0)),
        );
      }
    }
    // A different bone is a different entry; with two slots the oldest goes (and is deleted).
    const shifted = {
      positions: rod.positions.map((v, i) => (i % 3 === 0 ? v + 1 : v)),
      indices: rod.indices,
    };
    const a = cache.get(wasm, rod);
    const b = cache.get(wasm, shifted);
    expect(b).not.toBe(a);
    expect(cache.get(wasm, rod)).toBe(a);
    cache.clear();
  });
});
