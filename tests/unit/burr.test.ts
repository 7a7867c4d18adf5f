import { beforeAll, describe, expect, it } from 'vitest';
import { cutJobs } from '../../src/engine/fragments';
import { runCutChain } from '../../src/geometry/cut-chain';
import { loadManifold, type ManifoldToplevel } from '../../src/geometry/manifold-module';
import type { MeshData } from '../../src/geometry/cut';
import { eminenceProud, exostectomyCuts, passDepth, PASS_DEPTH } from '../../src/procedures/foot/burr';
import { footCase } from '../../scripts/models/foot-case';
import { isClosed, meshVolume } from '../../scripts/models/mesh-checks';

let wasm: ManifoldToplevel;
beforeAll(async () => {
  wasm = await loadManifold();
});

/** The bump's volume standing proud of the metatarsal: the eminence less what lies inside the head. */
function proudVolume(eminence: MeshData, metatarsal: MeshData): number {
  const m = (d: MeshData) =>
    new wasm.Manifold(new wasm.Mesh({ numProp: 3, vertProperties: d.positions, triVerts: d.indices }));
  const a = m(eminence);
  const b = m(metatarsal);
  const proud = a.subtract(b);
  const v = proud.volume();
  for (const o of [a, b, proud]) o.delete();
  return v;
}

describe('burr exostectomy', () => {
  it('each pass takes 1.1–1.5 mm; three passes take the bump down flush (removed = proud volume ± 10 %)', async () => {
    const { ctx, posed } = await footCase({});
    const d = passDepth(ctx);
    expect(d).toBeGreaterThanOrEqual(PASS_DEPTH.min);
    expect(d).toBeLessThanOrEqual(PASS_DEPTH.max);
    expect(eminenceProud(ctx).thickness).toBeGreaterThan(2);
    const eminence = posed.get('eminence')!;
    const cuts = exostectomyCuts(3);
    const jobs = cutJobs(cuts, ctx);
    const stages = runCutChain(wasm, 'eminence', eminence, jobs);
    const before = meshVolume(eminence);
    let last = 0;
    const removed = stages.map((s, i) => {
      const left = s.fragments[`eminence-${i + 1}`]!;
      expect(isClosed(left)).toBe(true);
      const r = before - left.volume;
      // Every pass takes more.
      expect(r).toBeGreaterThan(last + 1);
      last = r;
      return r;
    });
    const proud = proudVolume(eminence, posed.get('metatarsal1')!);
    expect(Math.abs(removed[2]! - proud) / proud).toBeLessThan(0.1);
    // One pass is well short of it.
    expect(removed[0]!).toBeLessThan(0.7 * proud);
  });
});
