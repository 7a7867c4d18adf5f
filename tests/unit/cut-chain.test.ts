import { beforeAll, describe, expect, it } from 'vitest';
import { chevron } from '../../src/procedures/defs/chevron';
import { cutJobs } from '../../src/engine/fragments';
import { runCutChain } from '../../src/geometry/cut-chain';
import { loadManifold, type ManifoldToplevel } from '../../src/geometry/manifold-module';
import { footCase } from '../../scripts/models/foot-case';

let wasm: ManifoldToplevel;
beforeAll(async () => {
  wasm = await loadManifold();
});

describe('the chevron on the real first metatarsal', () => {
  // Closed fragments and volumes that add up: tests/unit/invariants.test.ts, for every operation.
  it('leaves a capital and a shaft with a few hundred mm³ of kerf; the trim takes the medial step', async () => {
    const { ctx, posed } = await footCase({ shift: 50 });
    const jobs = cutJobs(chevron.cuts, ctx);
    const m1 = posed.get('metatarsal1')!;
    const [v, trim] = runCutChain(wasm, 'metatarsal1', m1, jobs);
    expect(Object.keys(v!.fragments).sort()).toEqual(['capital', 'shaft']);
    // The kerf of two limbs across a ~15 mm metatarsal: a few hundred mm³ at most.
    expect(v!.removedVolume).toBeGreaterThan(20);
    expect(v!.removedVolume).toBeLessThan(400);
    expect(Object.keys(trim!.fragments)).toEqual(['shaft']);
    expect(trim!.removedVolume).toBeGreaterThan(5);
    // Cut faces are marked on both sides of the V.
    for (const f of Object.values(v!.fragments)) expect(f.cutFace.some((x) => x === 1)).toBe(true);
  });
});
