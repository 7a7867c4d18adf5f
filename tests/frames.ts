/**
 * Frames before and after a refactor that must not change what is drawn: `dump` writes every
 * sitting's cuts (cutter pieces, fragment probes) and its frames (transforms, tools, implants,
 * camera) at 401 moments, plus the percutaneous Akin at each wedge (1–5 mm, so 1–3 burr passes)
 * and fixation; `compare` reports the lines that differ by more than 1e-9 (relative).
 *
 *   (in a copy of main: git archive main | tar -x -C /tmp/main, its node_modules linked, this file copied in)
 *   npx tsx scripts/vite-run.ts tests/frames.ts dump /tmp/before.txt
 *   (in the changed tree) npx tsx scripts/vite-run.ts tests/frames.ts dump /tmp/after.txt
 *   npx tsx scripts/vite-run.ts tests/frames.ts compare /tmp/before.txt /tmp/after.txt
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { meshGauge } from '../src/clinical/bone-gauge';
import { createFrame, evaluate } from '../src/engine/evaluate';
import { makePlan } from '../src/engine/plan';
import { defaultParams, procedureById, resolveProcedure } from '../src/procedures/registry';
import { footCase } from '../scripts/models/foot-case';
import { DEFAULT_KNEE, DEFAULT_VALGUS_KNEE, kneeCase } from '../scripts/models/knee-case';
import { everySitting, type Sitting } from './sittings';

const MOMENTS = 401;

/** Every sitting, and the percutaneous Akin after each variant at every fixation and wedge. */
function sittings(): Sitting[] {
  const mis = procedureById('mis-bunion')!;
  const extra = ['classic', 'mica', 'reverdin'].flatMap((variant) =>
    ['tape', 'screw'].flatMap((fixation) =>
      [1, 1.5, 2, 2.5, 3.5, 4, 5].map((wedge): Sitting => {
        const params = { ...defaultParams(mis), variant, akin: '1', fixation, wedge };
        return {
          id: mis.id,
          label: `${variant},${fixation},${wedge}`,
          params,
          proc: resolveProcedure(mis.id, params)!,
        };
      }),
    ),
  );
  return [...everySitting(), ...extra];
}

async function dump(out: string): Promise<void> {
  const lines: string[] = [];
  for (const s of sittings()) {
    const { posed, landmarks } =
      s.proc.region === 'foot'
        ? await footCase(s.params).then((f) => ({ posed: f.posed, landmarks: f.ctx.landmarks }))
        : await kneeCase(s.proc.treats === 'valgus' ? DEFAULT_VALGUS_KNEE : DEFAULT_KNEE);
    const ctx = { landmarks, params: s.params, gauge: meshGauge((bone) => posed.get(bone)?.positions) };
    const key = `${s.id}[${s.label}]`;
    const cuts = s.proc.cuts.map((c) => [
      c.id,
      c.bone,
      c.cutter(ctx),
      c.fragments.map((f) => [f.id, f.probe(ctx)]),
    ]);
    lines.push(`${key} cuts ${JSON.stringify(cuts)}`);
    const plan = makePlan(s.proc, ctx);
    const frame = createFrame();
    for (let i = 0; i < MOMENTS; i++) {
      evaluate(plan, (plan.timeline.total * i) / (MOMENTS - 1), frame);
      lines.push(`${key} ${i} ${JSON.stringify(frame)}`);
    }
  }
  writeFileSync(out, lines.join('\n'));
  console.log(`${lines.length} lines to ${out}`);
}

/** The first path at which two parsed values differ by more than 1e-9 (relative), if any. */
function differs(a: unknown, b: unknown, path = ''): string | undefined {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a)) ? path : undefined;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length !== b.length ? path : a.map((x, i) => differs(x, b[i], `${path}[${i}]`)).find(Boolean);
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys]
      .map((k) =>
        differs((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`),
      )
      .find(Boolean);
  }
  return a === b ? undefined : path || '(value)';
}

function compare(before: string, after: string): void {
  const [a, b] = [before, after].map((f) => readFileSync(f, 'utf8').split('\n'));
  if (a!.length !== b!.length) throw new Error(`${a!.length} lines before, ${b!.length} after`);
  let exact = 0;
  let bad = 0;
  a!.forEach((line, i) => {
    if (line === b![i]) return void exact++;
    const [ka, kb] = [line, b![i]!].map((l) => l.split(' ', 2).join(' '));
    const at =
      ka !== kb
        ? 'moment'
        : differs(JSON.parse(line.slice(ka!.length)), JSON.parse(b![i]!.slice(kb!.length)));
    if (at && ++bad <= 5) console.log(`differs: ${ka} ${at}`);
  });
  console.log(
    `${a!.length} lines: ${exact} identical, ${a!.length - exact - bad} within 1e-9, ${bad} different`,
  );
  if (bad) process.exitCode = 1;
}

const [command, ...files] = process.argv.slice(2);
if (command === 'dump' && files[0]) await dump(files[0]);
else if (command === 'compare' && files[1]) compare(files[0]!, files[1]!);
else console.error('usage: tsx scripts/vite-run.ts tests/frames.ts dump <out> | compare <before> <after>');
