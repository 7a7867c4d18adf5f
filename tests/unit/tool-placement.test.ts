import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../src/anatomy/vec';
import { nearestBone, type PosedBone } from '../../src/clinical/bone-proximity';
import { evaluate, keyFrame, type ToolState } from '../../src/engine/evaluate';
import type { Plan } from '../../src/engine/plan';
import { BONE_TOOLS, posedBones, targetMisses, toolPlacements } from '../../src/engine/tool-placement';
import { footCase } from '../../scripts/models/foot-case';
import { everySitting, sittingCase } from '../sittings';

const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

/** The tools a step brings: its instruments and the implants it places. */
function toolsOfStep(plan: Plan, index: number): ToolState[] {
  const frame = keyFrame(plan, index);
  const step = plan.proc.steps[index]!;
  const placedHere = new Set((step.implants ?? []).map((u) => u.id));
  return [...frame.instruments, ...frame.implants.filter((t) => placedHere.has(t.id))];
}

describe('bone proximity', () => {
  it('names the bone a point is in or beside, which side of it and how far', async () => {
    const { posed, ctx } = await footCase({});
    const bones: PosedBone[] = ['metatarsal1', 'metatarsal2'].map((part) => ({
      part,
      body: part,
      toRest: IDENTITY,
      mesh: posed.get(part)!,
    }));
    const m1 = ctx.landmarks.metatarsal1!;
    const mid: Vec3 = [
      (m1.base![0] + m1.head![0]) / 2,
      (m1.base![1] + m1.head![1]) / 2,
      (m1.base![2] + m1.head![2]) / 2,
    ];
    expect(nearestBone('foot', bones, mid)).toMatchObject({ part: 'metatarsal1', distanceMm: 0 });
    const medial = nearestBone('foot', bones, [mid[0] + 25, mid[1], mid[2]])!;
    expect(medial).toMatchObject({ part: 'metatarsal1', side: 'medial' });
    expect(medial.distanceMm).toBeGreaterThan(10);
    expect(medial.distanceMm).toBeLessThan(25);
    expect(nearestBone('foot', bones, [mid[0], mid[1] + 20, mid[2]])!.side).toBe('dorsal');
    expect(nearestBone('foot', bones, [mid[0], mid[1] - 20, mid[2]])!.side).toBe('plantar');
  });
});

describe('every tool works where the technique puts it', () => {
  const sittings = everySitting();
  it('covers every operation and its variants', () => {
    expect(new Set(sittings.map((s) => s.id)).size).toBeGreaterThanOrEqual(8);
    expect(sittings.length).toBeGreaterThan(12);
  });

  it.each(sittings.map((s) => [`${s.id} [${s.label}]`, s] as const))(
    "%s: each tool touching bone is on its target at its step's still",
    async (_name, s) => {
      const { plan, posed, pieces } = await sittingCase(s);
      const misses: string[] = [];
      let checked = 0;
      plan.proc.steps.forEach((step, i) => {
        const frame = keyFrame(plan, i);
        const bones = posedBones(plan, frame, (part) => posed.get(part), pieces);
        for (const tool of toolsOfStep(plan, i)) {
          if (!BONE_TOOLS.has(tool.kind)) continue;
          if (!tool.target) {
            misses.push(`step ${i + 1} ${step.id}: ${tool.id} (${tool.kind}) names no target`);
            continue;
          }
          checked++;
          for (const m of targetMisses(plan, tool, tool.target, bones))
            misses.push(`step ${i + 1} ${step.id}: ${m}`);
        }
        // The test surface reports every tool on show, measured the same way.
        const placements = toolPlacements(plan, frame, bones);
        expect(placements.length).toBe(frame.instruments.length + frame.implants.length);
      });
      expect(misses).toEqual([]);
      expect(checked).toBeGreaterThan(0);
    },
  );
});

/** Default staple [bridge, legs, wire] when a step does not size it (the instrument kit's). */
const STAPLE = [15, 12, 1.2];
/** A thread may graze the cortex where it enters: this far outside the surface at most, mm. */
const ON_SURFACE_MM = 0.5;
/** A locking screw's head sits in the plate, off the bone: the threads end this far from its back, mm. */
const LOCKING_HEAD_MM = 8;
/** A plate's face lies on the cortex: no farther from it than this, and never inside the bone, mm. */
const PLATE_GAP_MM = 4;

const along = (t: ToolState, mm: number): Vec3 => [
  t.pose.tip[0] - t.pose.direction[0] * mm,
  t.pose.tip[1] - t.pose.direction[1] * mm,
  t.pose.tip[2] - t.pose.direction[2] * mm,
];

/** The points of an implant that must be in bone, and those that must lie on it (a plate's face). */
function implantPoints(t: ToolState): { inBone: Vec3[]; onCortex: Vec3[] } {
  const L = t.length ?? 0;
  const stations = (from: number, to: number) =>
    [0, 0.25, 0.5, 0.75, 1].map((f) => along(t, from + (to - from) * f));
  switch (t.kind) {
    case 'cannulatedScrew':
      return { inBone: stations(0, 0.9 * L), onCortex: [] };
    case 'headlessScrew':
      return { inBone: stations(0, L), onCortex: [] };
    case 'lockingScrew':
      return { inBone: stations(0, L - LOCKING_HEAD_MM), onCortex: [] };
    case 'staple': {
      const [bridge, leg, wire] = t.shape ?? STAPLE;
      const up = t.pose.up!;
      const d = t.pose.direction;
      const x: Vec3 = [up[1] * d[2] - up[2] * d[1], up[2] * d[0] - up[0] * d[2], up[0] * d[1] - up[1] * d[0]];
      const legX = bridge! / 2 - wire! / 2;
      const legs = [-legX, legX].flatMap((s) =>
        [0, leg! / 2].map((z): Vec3 => {
          const p = along(t, z);
          return [p[0] + x[0] * s, p[1] + x[1] * s, p[2] + x[2] * s];
        }),
      );
      return { inBone: legs, onCortex: [] };
    }
    case 'plate': {
      const shape = t.shape!;
      const up = t.pose.up!;
      // Each hole's station (not the plate's two ends beyond its end holes).
      const faces: Vec3[] = [];
      for (let i = 2; i < shape.length - 2; i += 2) {
        const p = along(t, shape[i]!);
        faces.push([
          p[0] + up[0] * shape[i + 1]!,
          p[1] + up[1] * shape[i + 1]!,
          p[2] + up[2] * shape[i + 1]!,
        ]);
      }
      return { inBone: [], onCortex: faces };
    }
    default:
      return { inBone: [], onCortex: [] };
  }
}

describe('every implant at the end lies in bone', () => {
  it.each(everySitting().map((s) => [`${s.id} [${s.label}]`, s] as const))(
    '%s: screw threads and staple legs inside bone, plates on the cortex',
    async (_name, s) => {
      const { plan, posed, pieces } = await sittingCase(s);
      const end = evaluate(plan, plan.timeline.total);
      const bones = posedBones(plan, end, (part) => posed.get(part), pieces);
      const misses: string[] = [];
      for (const t of end.implants) {
        const { inBone, onCortex } = implantPoints(t);
        inBone.forEach((p, i) => {
          const near = nearestBone(plan.proc.region, bones, p)!;
          if (near.distanceMm > ON_SURFACE_MM)
            misses.push(`${t.id} point ${i}: ${near.distanceMm.toFixed(1)} mm out of bone`);
        });
        onCortex.forEach((p, i) => {
          const near = nearestBone(plan.proc.region, bones, p)!;
          if (near.distanceMm === 0 || near.distanceMm > PLATE_GAP_MM)
            misses.push(
              `${t.id} hole ${i}: face ${near.distanceMm === 0 ? 'inside the bone' : `${near.distanceMm.toFixed(1)} mm off it`}`,
            );
        });
      }
      expect(misses).toEqual([]);
    },
  );
});
