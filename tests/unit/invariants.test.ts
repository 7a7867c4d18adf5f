/**
 * What must hold for every operation the app can play, whatever it is: each procedure the registry
 * offers, in each of its variants and with each add-on, planned on its default patient and cut as
 * the worker cuts it, and with each parameter that shapes a cut at its lowest and highest. A new
 * procedure is checked here without being named.
 */
import { Matrix4 } from 'three';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, keyFrame, type Frame, type ToolState } from '../../src/engine/evaluate';
import { cutChains } from '../../src/engine/fragments';
import type { MeshData } from '../../src/geometry/cut';
import { meshVolume } from '../../scripts/models/mesh-checks';
import { dot, normalize, sub } from '../../src/anatomy/vec';
import { transformDirection, transformPoint } from '../../src/engine/rigid';
import { boneFrame } from '../../src/procedures/kit/bone-frame';
import type { PlanContext, PlannedMeasure } from '../../src/procedures/types';
import { everyCutExtreme, everySitting, sittingCase, type Sitting, type SittingCase } from '../sittings';

/** Fragment volumes plus the bone a cut takes away (kerf, wedge, burr) = the bone it cut, to this share. */
const VOLUME_TOLERANCE = 0.01;
/** A planned angle and the angle measured on the played result agree to this, degrees. */
const ANGLE_TOLERANCE = 0.5;
/**
 * A planned shift or gap and the one measured on the played result agree to this, mm. The
 * fragments move rigidly by exactly the planned amounts, so the two agree to rounding unless another
 * motion of the same fragment moves the point measured: the Reverdin wedge turning the head about
 * its cut's lateral end moves the neck's centre 0.02 mm sideways (second order in its angle). Half
 * the readout's last digit (0.1 mm) leaves room for that and still catches a fragment moved by the
 * wrong amount, in the wrong direction or about the wrong point, which are off by millimetres.
 */
const LENGTH_TOLERANCE = 0.05;
/** How often the clock is sampled to check that the steps follow one another, seconds. */
const CLOCK_STEP = 0.1;

const DEG = 180 / Math.PI;
const finite = (values: readonly number[]) => values.every(Number.isFinite);

/** Edges of a triangle mesh not shared by exactly two triangles (vertices at one place count as one). */
function openEdges(mesh: MeshData): number {
  const vertexAt = new Map<string, number>();
  const weld: number[] = [];
  for (let i = 0; i < mesh.positions.length; i += 3) {
    const key = `${mesh.positions[i]},${mesh.positions[i + 1]},${mesh.positions[i + 2]}`;
    if (!vertexAt.has(key)) vertexAt.set(key, vertexAt.size);
    weld.push(vertexAt.get(key)!);
  }
  const uses = new Map<number, number>();
  const n = vertexAt.size;
  for (let t = 0; t < mesh.indices.length; t += 3)
    for (let k = 0; k < 3; k++) {
      const a = weld[mesh.indices[t + k]!]!;
      const b = weld[mesh.indices[t + ((k + 1) % 3)]!]!;
      const edge = Math.min(a, b) * n + Math.max(a, b);
      uses.set(edge, (uses.get(edge) ?? 0) + 1);
    }
  let open = 0;
  for (const count of uses.values()) if (count !== 2) open++;
  return open;
}

/** Body `body`'s end pose seen from body `against`'s: what one did to the other. */
function relativePose(frame: Frame, body: string, against: string): Matrix4 {
  const pose = (b: string) => new Matrix4().fromArray(frame.transforms[b] ?? new Matrix4().elements);
  return pose(against).invert().multiply(pose(body));
}

/** A planned number as the played result shows it, measured where the procedure declares it. */
function measure(ctx: PlanContext, frame: Frame, m: PlannedMeasure): number {
  const moved = relativePose(frame, m.body, m.against).elements;
  switch (m.kind) {
    case 'turn': {
      const cos = (moved[0]! + moved[5]! + moved[10]! - 1) / 2;
      return Math.acos(Math.min(1, Math.max(-1, cos))) * DEG;
    }
    case 'shift': {
      const at = m.at(ctx);
      return -dot(sub(transformPoint(moved, at), at), boneFrame(ctx.landmarks, m.part).medial);
    }
    case 'gap': {
      // From `at` along the still face's normal to the plane of the turned face (it lay on the still one).
      const at = m.at(ctx);
      const normal = normalize(m.normal(ctx));
      const turned = transformDirection(moved, normal);
      return dot(sub(transformPoint(moved, at), at), turned) / dot(normal, turned);
    }
  }
}

/** A tool as a frame shows it: a finite pose with unit directions, finite sizes. */
function toolProblems(tool: ToolState): string[] {
  const { tip, direction, up, size } = tool.pose;
  const problems: string[] = [];
  if (!finite([...tip, ...direction, ...(up ?? []), size ?? 1])) problems.push('a pose that is not finite');
  if (Math.abs(Math.hypot(...direction) - 1) > 1e-6) problems.push('a direction that is not a unit');
  if (!finite([tool.length ?? 0, ...(tool.shape ?? [])])) problems.push('a size that is not finite');
  return problems.map((p) => `${tool.id} (${tool.kind}): ${p}`);
}

const sittings = [...everySitting(), ...everyCutExtreme()];

describe('every operation the app plays', () => {
  it('is found in the registry, with its variants, add-ons and cut-shaping extremes', () => {
    expect(new Set(sittings.map((s) => s.id)).size).toBeGreaterThanOrEqual(9);
    expect(sittings.some((s) => s.label === 'akin=1')).toBe(true);
    expect(sittings.some((s) => s.label === 'akin wedge=1')).toBe(true);
    expect(sittings.length).toBeGreaterThan(12);
  });

  it('declares where the result shows its planned wedges, shifts and gaps', () => {
    const declared = (kind: PlannedMeasure['kind']) =>
      new Set(
        sittings.flatMap((s) =>
          Object.values(s.proc.readouts ?? {}).some((r) => r.measuredAs?.kind === kind) ? [s.id] : [],
        ),
      );
    expect(declared('turn')).toEqual(
      new Set([
        'chevron',
        'scarf',
        'akin',
        'mis-bunion',
        'hto-opening',
        'hto-closing',
        'dfo-opening',
        'dfo-closing',
      ]),
    );
    expect(declared('shift')).toEqual(new Set(['chevron', 'scarf', 'mis-bunion']));
    expect(declared('gap')).toEqual(new Set(['hto-opening', 'dfo-opening']));
  });
});

describe.each(sittings.map((s) => [`${s.id} [${s.label}]`, s] as const))('%s', (_name, sitting: Sitting) => {
  let made: SittingCase;
  beforeAll(async () => {
    made = await sittingCase(sitting);
  });

  it('leaves every fragment closed: no open edge', () => {
    const open: string[] = [];
    for (const [part, stages] of made.pieces)
      for (const stage of stages)
        for (const [id, fragment] of Object.entries(stage.fragments)) {
          const edges = openEdges(fragment);
          if (edges) open.push(`${part} ${stage.cut} ${id}: ${edges} open edges`);
        }
    expect(open).toEqual([]);
    expect(made.pieces.size).toBeGreaterThan(0);
  });

  it('keeps the bone: fragments plus what each cut takes away make the bone it cut (±1 %)', () => {
    for (const [part, stages] of made.pieces) {
      const chain = cutChains(sitting.proc).get(part)!;
      // Each cut works on the whole part or on a fragment an earlier cut of the chain left.
      const volumeOf = new Map<string, number>([[part, meshVolume(made.posed.get(part)!)]]);
      stages.forEach((stage, i) => {
        const before = volumeOf.get(chain[i]!.bone)!;
        const fragments = Object.values(stage.fragments);
        const after = fragments.reduce((sum, f) => sum + f.volume, 0) + stage.removedVolume;
        expect(
          Math.abs(after - before) / before,
          `${part} ${stage.cut}: ${after} of ${before} mm³`,
        ).toBeLessThan(VOLUME_TOLERANCE);
        for (const [id, f] of Object.entries(stage.fragments)) volumeOf.set(id, f.volume);
      });
    }
  });

  it('runs its clock from 0 to the end, one step after another, each still inside its step', () => {
    const { timeline } = made.plan;
    const steps = sitting.proc.steps;
    expect(timeline.spans.map((s) => s.index)).toEqual(steps.map((_, i) => i));
    let start = 0;
    for (const span of timeline.spans) {
      expect(span.start).toBe(start);
      expect(span.end).toBeGreaterThan(span.start);
      expect(span.key).toBeGreaterThanOrEqual(span.start);
      expect(span.key).toBeLessThanOrEqual(span.end);
      expect(keyFrame(made.plan, span.index).step).toBe(span.index);
      start = span.end;
    }
    expect(timeline.total).toBe(start);
    const seen = new Set<number>();
    let last = 0;
    for (let t = 0; t <= timeline.total; t += CLOCK_STEP) {
      const { step } = evaluate(made.plan, t);
      expect(step).toBeGreaterThanOrEqual(last);
      last = step;
      seen.add(step);
    }
    expect(seen.size).toBe(steps.length);
    expect(evaluate(made.plan, timeline.total).step).toBe(steps.length - 1);
  });

  it("shows each step's camera, instruments and implants with finite poses", () => {
    const problems: string[] = [];
    sitting.proc.steps.forEach((step, i) => {
      const span = made.plan.timeline.spans[i]!;
      for (const frame of [evaluate(made.plan, span.start), keyFrame(made.plan, i)]) {
        const { target, position } = frame.camera;
        if (!finite([...target, ...position]) || Math.hypot(...position.map((v, k) => v - target[k]!)) < 1)
          problems.push(`step ${i + 1} ${step.id}: no camera`);
        const shown = new Set(frame.instruments.map((t) => t.id));
        for (const use of step.instruments ?? [])
          if (!shown.has(use.id)) problems.push(`step ${i + 1} ${step.id}: ${use.id} not on show`);
        const placed = new Set(frame.implants.map((t) => t.id));
        for (const use of step.implants ?? [])
          if (!placed.has(use.id)) problems.push(`step ${i + 1} ${step.id}: ${use.id} not placed`);
        for (const tool of [...frame.instruments, ...frame.implants])
          problems.push(...toolProblems(tool).map((p) => `step ${i + 1} ${step.id}: ${p}`));
      }
    });
    expect(problems).toEqual([]);
  });

  // Each number the procedure plans and declares where the result shows it (its readout's
  // measuredAs): measured there, on the two bodies it names, as played to the end.
  const planned = Object.entries(sitting.proc.readouts ?? {}).filter(([, r]) => r.measuredAs);
  if (planned.length)
    it('shows each planned number on the bodies it names: angles to 0.5°, shifts and gaps to 0.05 mm', () => {
      const values = sitting.proc.captionValues!(made.plan.ctx);
      const end = evaluate(made.plan, made.plan.timeline.total);
      for (const [id, readout] of planned) {
        const want = Math.abs(values[readout.value]!);
        const got = Math.abs(measure(made.plan.ctx, end, readout.measuredAs!));
        const { kind, body, against } = readout.measuredAs!;
        expect(
          Math.abs(got - want),
          `${id}: planned ${want.toFixed(3)}, ${kind} of ${body} against ${against} ${got.toFixed(3)}`,
        ).toBeLessThan(kind === 'turn' ? ANGLE_TOLERANCE : LENGTH_TOLERANCE);
      }
    });
});
