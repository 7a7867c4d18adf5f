import { Matrix4 } from 'three';
import { REGION_PARTS, SOFT_PARTS } from '../anatomy/parts';
import type { TriangleMesh } from '../anatomy/point-in-mesh';
import { dot, length, sub, type Vec3 } from '../anatomy/vec';
import { nearestBone, type BoneSide, type PosedBone } from '../clinical/bone-proximity';
import type { InstrumentKind, ToolTarget } from '../procedures/types';
import type { Frame, ToolState } from './evaluate';
import type { Plan } from './plan';
import { cutChains, visibleFragments } from './fragments';

export { BONE_TOOLS } from './instruments';

/** Where one tool on show works: the bone nearest its working tip, which side of it, how far. */
export interface ToolPlacement {
  readonly id: string;
  readonly kind: InstrumentKind;
  readonly nearestPart: string | null;
  readonly side: BoneSide | null;
  /** 0 inside the bone, mm. */
  readonly distanceMm: number;
}

/**
 * The point of a tool that does its work: the tip, except for a plate, which works with its
 * bone-facing face: its first hole's station there (shape [z0, y0, z1, y1, …]: the face passes
 * through (0, y_i, −z_i) in the tool's frame, +Z along its direction, +Y its "up").
 */
export function workingTip(tool: ToolState): Vec3 {
  const { tip, up, direction: d } = tool.pose;
  const shape = tool.shape;
  if (tool.kind !== 'plate' || !up || !shape || shape.length < 4) return tip;
  const [z, y] = [shape[2]!, shape[3]!];
  return [tip[0] - d[0] * z + up[0] * y, tip[1] - d[1] * z + up[1] * y, tip[2] - d[2] * z + up[2] * y];
}

/** A target's default reach outside the bone's surface, mm: a tip resting on the cortex. */
const TARGET_WITHIN_MM = 2;

const inverse = new Matrix4();
const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] as const;

/** What each cut of a part's chain left, by fragment id (the cut worker's stages, or a test's own cuts). */
export type CutPieces = ReadonlyMap<
  string,
  readonly { readonly fragments: Readonly<Record<string, TriangleMesh>> }[]
>;

/**
 * Every bone as it lies in a frame: each part whole, or, once cut, the fragments on show (those of
 * the cuts made by then, not those taken away), each with the transform back to the pre-operative
 * pose its mesh is in. A part whose cuts are not ready yet is measured whole.
 */
export function posedBones(
  plan: Plan,
  frame: Frame,
  meshOf: (part: string) => TriangleMesh | undefined,
  pieces: CutPieces,
): PosedBone[] {
  const bones: PosedBone[] = [];
  const add = (part: string, body: string, mesh: TriangleMesh) => {
    if (frame.removed.includes(body)) return;
    const now = frame.transforms[body];
    const toRest = now ? [...inverse.fromArray(now).invert().elements] : [...IDENTITY];
    bones.push({ part, body, toRest, mesh });
  };
  const chains = cutChains(plan.proc);
  for (const part of REGION_PARTS[plan.proc.region]) {
    const mesh = meshOf(part);
    if (SOFT_PARTS.has(part) || !mesh) continue;
    const chain = chains.get(part) ?? [];
    const stages = pieces.get(part);
    const made = chain.filter((c) => frame.cuts.includes(c.id)).length;
    if (made === 0 || !stages || stages.length < made) {
      add(part, part, mesh);
      continue;
    }
    const ids = stages.map((st) => Object.keys(st.fragments));
    for (const key of visibleFragments(chain, ids, made)) {
      const [stage, id] = key.split('#') as [string, string];
      add(part, id, stages[Number(stage)]!.fragments[id]!);
    }
  }
  return bones;
}

/** The tools and implants on show in a frame, each against the bone nearest its working tip. */
export function toolPlacements(plan: Plan, frame: Frame, bones: readonly PosedBone[]): ToolPlacement[] {
  return [...frame.instruments, ...frame.implants].map((tool) => {
    const near = nearestBone(plan.proc.region, bones, workingTip(tool));
    return {
      id: tool.id,
      kind: tool.kind,
      nearestPart: near?.part ?? null,
      side: near?.side ?? null,
      distanceMm: near ? Math.round(near.distanceMm * 10) / 10 : Infinity,
    };
  });
}

/**
 * What is wrong with where a tool works, in words a reviewer reads ([] when it lies on its target):
 * off the bone, on the wrong side, or at the wrong station along it.
 */
export function targetMisses(
  plan: Plan,
  tool: ToolState,
  target: ToolTarget,
  bones: readonly PosedBone[],
): string[] {
  // The tip against the target bone itself (the nearest of its pieces), not whatever bone is nearest.
  const near = nearestBone(
    plan.proc.region,
    bones.filter((b) => b.part === target.part),
    workingTip(tool),
  );
  if (!near) return [`${tool.id}: no ${target.part} on show`];
  const misses: string[] = [];
  const within = target.within ?? TARGET_WITHIN_MM;
  if (near.distanceMm > within)
    misses.push(`${tool.id}: tip ${near.distanceMm.toFixed(1)} mm from ${target.part} (allowed ${within})`);
  if (target.side && near.side !== target.side)
    misses.push(`${tool.id}: tip on the ${near.side} side of ${target.part}, not ${target.side}`);
  const st = target.station;
  if (st) {
    const lm = plan.ctx.landmarks[target.part];
    const from = lm?.[st.from];
    const to = lm?.[st.to];
    if (!from || !to) return [...misses, `${tool.id}: ${target.part} has no ${st.from}/${st.to}`];
    const axis = sub(to, from);
    const along = dot(sub(near.atRest, from), axis) / length(axis);
    const off = along - st.at * length(axis);
    if (Math.abs(off) > st.within)
      misses.push(
        `${tool.id}: tip ${off.toFixed(1)} mm from ${Math.round(st.at * 100)} % of ${target.part} ${st.from}→${st.to} (allowed ${st.within})`,
      );
  }
  return misses;
}
