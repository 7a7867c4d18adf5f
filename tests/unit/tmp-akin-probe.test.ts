import { it } from 'vitest';
import { akin } from '../../src/procedures/akin';
import { makePlan } from '../../src/engine/plan';
import { evaluate } from '../../src/engine/evaluate';
import { transformPoint } from '../../src/engine/rigid';
import { runCutChain } from '../../src/geometry/cut-chain';
import { containsPoint } from '../../src/geometry/point-in-mesh';
import { loadManifold } from '../../src/geometry/manifold-module';
import { add, cross, normalize, scale } from '../../src/anatomy/sdf';
import { Matrix4 } from 'three';
import { footCase } from './foot-fixture';
it('probe', async () => {
  const wasm = await loadManifold();
  const { ctx, posed } = await footCase({ wedge: 3, fixation: 'staple' });
  const jobs = akin.cuts.map((c) => ({ id: c.id, bone: c.bone, cutter: c.cutter(ctx), fragments: c.fragments.map((f) => ({ id: f.id, probe: f.probe(ctx) })) }));
  const [stage] = runCutChain(wasm, 'proximalPhalanx1', posed.get('proximalPhalanx1')!, jobs);
  const plan = makePlan(akin, ctx);
  const end = evaluate(plan, plan.timeline.total);
  const s = end.implants[0]!;
  const bridge = normalize(cross(s.pose.up!, s.pose.direction));
  const inv = (b: string) => new Matrix4().fromArray(end.transforms[b]!).invert().elements;
  for (const side of [-6.9, 6.9]) {
    const row: string[] = [];
    for (let d = 0; d <= 12; d += 1) {
      const p = add(add(s.pose.tip, scale(bridge, side)), scale(s.pose.direction, -d));
      row.push(`${d}:${containsPoint(stage!.fragments.akinBase!, transformPoint(inv('akinBase'), p)) ? 'B' : ''}${containsPoint(stage!.fragments.akinToe!, transformPoint(inv('akinToe'), p)) ? 'T' : ''}`);
    }
    console.log(side, row.join(' '));
  }
});
