/**
 * Bytes the per-frame path allocates: V8's sampling heap profiler over many `evaluate()` calls into
 * one reusable frame (the procedure's tool paths, cameras and motions included), per operation at
 * its defaults. Not a test (bytes move with V8); the unit test `per-frame-work.test.ts` holds the
 * count that matters: no bone scan after the first frame.
 *
 *   npx tsx scripts/vite-run.ts scripts/alloc-per-call.ts [id filter] [top sites]
 */
import { Session } from 'node:inspector/promises';
import { createFrame, evaluate } from '../src/engine/evaluate';
import { makePlan } from '../src/engine/plan';
import { footCase } from './models/foot-case';
import { DEFAULT_KNEE, DEFAULT_VALGUS_KNEE, kneeCase } from './models/knee-case';
import { everySitting } from '../tests/sittings';

interface ProfileNode {
  selfSize: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children: ProfileNode[];
}

const CALLS = 3000;
const [only, top = '0'] = process.argv.slice(2);
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
for (const s of everySitting()) {
  if (s.label !== 'defaults' || (only && !s.id.includes(only))) continue;
  const ctx =
    s.proc.region === 'foot'
      ? (await footCase(s.params)).ctx
      : await kneeCase(s.proc.treats === 'valgus' ? DEFAULT_VALGUS_KNEE : DEFAULT_KNEE).then((k) => ({
          landmarks: k.landmarks,
          params: s.params,
          gauge: k.gauge,
        }));
  const plan = makePlan(s.proc, ctx);
  const frame = createFrame();
  const play = () => {
    for (let i = 0; i < CALLS; i++) evaluate(plan, (plan.timeline.total * i) / CALLS, frame);
  };
  play(); // warm: first answers remembered, code optimised
  await session.post('HeapProfiler.collectGarbage');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 256,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  } as never);
  play();
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as {
    profile: { head: ProfileNode };
  };
  const sites = new Map<string, number>();
  let bytes = 0;
  const walk = (n: ProfileNode) => {
    const where = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
    bytes += n.selfSize;
    if (n.selfSize) sites.set(where, (sites.get(where) ?? 0) + n.selfSize);
    n.children.forEach(walk);
  };
  walk(profile.head);
  console.log(`${(bytes / CALLS / 1024).toFixed(2).padStart(7)} KiB/call  ${s.id}`);
  for (const [where, b] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
    console.log(`    ${(b / CALLS).toFixed(0).padStart(6)} B  ${where}`);
}
session.disconnect();
