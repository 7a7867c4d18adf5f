import { MeshBuilder } from './mesh-builder';
import type { PartDesign } from './part';
import { lathe } from './shapes';
import { helicalRidge, hexSocket, starSocket } from './threads-and-flutes';

const SEGMENTS = 16;
/** Thread turns are sampled more coarsely on very long screws so any length stays within budget. */
const MAX_THREAD_STEPS = 1900;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const stepsPerTurn = (turns: number) => clamp(Math.floor(MAX_THREAD_STEPS / 6 / Math.max(1, turns)), 8, 16);

/**
 * Partially threaded 3.0 mm cannulated screw, `length` mm from tip to the top of its 4.5 mm head:
 * 2.0 mm core, 1.0 mm pitch, thread over the front ~40 %, 1.2 mm cannula opening in a hex socket.
 */
export function cannulatedScrewDesign(length: number): PartDesign[] {
  const b = new MeshBuilder();
  const core = 1;
  const major = 1.5;
  const cannula = 0.6;
  const head = 2.25;
  const socketDepth = 1.4;
  const L = length;
  const threadLength = clamp(0.38 * L, 5, 16);
  const tipCore = (z: number) => (z > -0.8 ? 0.75 + ((core - 0.75) * -z) / 0.8 : core);
  lathe(
    b,
    [
      [cannula, 0],
      [0.75, 0],
      [core, -0.8],
      [core, -(L - 1.8)],
    ],
    SEGMENTS,
  );
  lathe(
    b,
    [
      [core, -(L - 1.8)],
      [1.6, -(L - 1.65)],
      [2.05, -(L - 1.25)],
      [head, -(L - 0.7)],
    ],
    SEGMENTS,
    true,
  );
  lathe(
    b,
    [
      [head, -(L - 0.7)],
      [head, -(L - 0.3)],
      [2, -L],
    ],
    SEGMENTS,
  );
  hexSocket(b, -L, socketDepth, 2, 2, cannula, SEGMENTS);
  lathe(
    b,
    [
      [cannula, -(L - socketDepth)],
      [cannula, 0],
    ],
    SEGMENTS,
  );
  const pitch = 1;
  helicalRidge(b, {
    zFront: -0.15,
    zBack: -threadLength,
    pitch,
    root: tipCore,
    crest: () => major,
    runIn: 1.5,
    runOut: 0.6,
    stepsPerTurn: stepsPerTurn(threadLength / pitch),
  });
  return [{ mesh: b, material: 'titanium', motion: { kind: 'spin', pivot: [0, 0, 0], axis: 'z' } }];
}

/**
 * Headless compression screw, `length` mm overall: a core tapering from 1.8 to 2.5 mm, a leading
 * thread (3.0 mm, 1.25 mm pitch) and a wider trailing thread (3.7 mm, 0.9 mm pitch) — the pitch
 * difference is what compresses the fragments — with a smooth middle, cannulated, hex drive at the back.
 */
export function headlessScrewDesign(length: number): PartDesign[] {
  const b = new MeshBuilder();
  const L = length;
  const cannula = 0.55;
  const socketDepth = 1.5;
  const tailCore = 1.25;
  const tipCore = 0.9;
  const coreAt = (z: number) => tipCore + ((tailCore - tipCore) * -z) / L;
  const core = (z: number) => (z > -0.6 ? 0.7 + ((coreAt(-0.6) - 0.7) * -z) / 0.6 : coreAt(z));
  lathe(
    b,
    [
      [cannula, 0],
      [0.7, 0],
      [coreAt(-0.6), -0.6],
      [tailCore, -(L - 0.3)],
      [1.1, -L],
    ],
    SEGMENTS,
  );
  hexSocket(b, -L, socketDepth, 1.5, 1.1, cannula, SEGMENTS);
  lathe(
    b,
    [
      [cannula, -(L - socketDepth)],
      [cannula, 0],
    ],
    SEGMENTS,
  );
  const lead = clamp(0.33 * L, 4, 12);
  const trail = clamp(0.28 * L, 3.5, 10);
  const leadPitch = 1.25;
  const trailPitch = 0.9;
  helicalRidge(b, {
    zFront: -0.15,
    zBack: -lead,
    pitch: leadPitch,
    root: core,
    crest: (z) => coreAt(z) + 0.55,
    runIn: 1.5,
    runOut: 0.6,
    stepsPerTurn: stepsPerTurn(lead / leadPitch + trail / trailPitch),
  });
  helicalRidge(b, {
    zFront: -(L - trail),
    zBack: -(L - 0.1),
    pitch: trailPitch,
    root: core,
    crest: (z) => coreAt(z) + 0.6,
    runIn: 0.6,
    runOut: 0.3,
    stepsPerTurn: stepsPerTurn(lead / leadPitch + trail / trailPitch),
  });
  return [{ mesh: b, material: 'titanium', motion: { kind: 'spin', pivot: [0, 0, 0], axis: 'z' } }];
}

/** Helix steps (four triangles each) the locking screw's shaft thread may use, so a 90 mm screw stays within budget. */
const LOCKING_THREAD_STEPS = 580;

/**
 * 5.0 mm locking screw (TomoFix/LCP type), `length` mm from tip to the top of its head: 4.4 mm
 * core, 5.0 mm thread of 1.0 mm pitch over the whole shaft with a tapered self-tapping lead, and a
 * conical threaded head 7 mm wide and 4 mm tall that locks in the plate hole, with a star drive.
 */
export function lockingScrewDesign(length: number): PartDesign[] {
  const b = new MeshBuilder();
  const L = length;
  const core = 2.2;
  const major = 2.5;
  const lead = 3;
  const headBase = -(L - 4);
  const rim = 3.5;
  const headRoot = (z: number) => 2.75 + ((3.15 - 2.75) * (headBase - 0.3 - z)) / 3.1;
  lathe(
    b,
    [
      [0, 0],
      [1.3, 0],
      [core, -1.5],
      [core, headBase],
    ],
    SEGMENTS,
  );
  lathe(
    b,
    [
      [core, headBase],
      [2.75, headBase - 0.3],
      [3.15, -(L - 0.6)],
      [rim, -(L - 0.45)],
      [rim, -(L - 0.2)],
      [3.3, -L],
    ],
    SEGMENTS,
  );
  starSocket(b, -L, 2.5, 2.2, 1.55, 3.3, SEGMENTS);
  const shaftBack = headBase + 0.5;
  const turns = (-0.2 - shaftBack) / 1;
  helicalRidge(b, {
    zFront: -0.2,
    zBack: shaftBack,
    pitch: 1,
    root: (z) => (z > -1.5 ? 1.3 + ((core - 1.3) * -z) / 1.5 : core),
    // Self-tapping: the crest grows over the first few millimetres, cutting its own thread.
    crest: (z) => (z > -lead ? major - (0.6 * (lead + z)) / lead : major),
    crestWidth: 0,
    runIn: 1,
    runOut: 0.4,
    stepsPerTurn: clamp(Math.floor(LOCKING_THREAD_STEPS / Math.max(1, turns)), 7, 16),
  });
  // The locking thread on the head's cone: shallow and fine, as it engages the plate hole.
  helicalRidge(b, {
    zFront: headBase - 0.35,
    zBack: -(L - 0.65),
    pitch: 0.8,
    root: headRoot,
    crest: (z) => headRoot(z) + 0.35,
    crestWidth: 0,
    runIn: 0.3,
    runOut: 0.3,
    stepsPerTurn: 14,
  });
  return [{ mesh: b, material: 'titanium', motion: { kind: 'spin', pivot: [0, 0, 0], axis: 'z' } }];
}
